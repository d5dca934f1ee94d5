using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Reports.Tests.Content;

/// <summary>Figures as the report writes them, one way per kind of KPI.</summary>
public sealed class ReportTextTests
{
    [Theory]
    [InlineData(KpiKind.Score, "điểm", 86.0, "86,00", "+5,00")]
    [InlineData(KpiKind.Score, "điểm", 9.36, "9,36", "+5,00")]
    [InlineData(KpiKind.Count, "hồ sơ", 5369.0, "5.369", "+5")]
    [InlineData(KpiKind.Ratio, "%", 99.6, "99,60 %", "+5,00 điểm %")]
    public void Figure_AndChange_KeepTheKindsDecimals(KpiKind kind, string unit, double value, string figure, string change)
    {
        var kpi = new KpiDefinition
        {
            Code = "k",
            NameVi = "Chỉ số",
            NameEn = "k",
            Kind = kind,
            DisplayUnit = unit,
            Direction = Direction.HigherIsBetter,
            Rollup = kind == KpiKind.Count ? RollupMethod.Sum : RollupMethod.None,
            Period = ReportingPeriod.Monthly,
            TimeRollup = kind == KpiKind.Count ? TimeRollup.Sum : TimeRollup.Last,
            SourceSystem = "s",
            DefinitionVi = "d",
        };

        Assert.Equal((figure, change), (ReportText.Figure(kpi, value), ReportText.Change(kpi, 5)));
    }
}
