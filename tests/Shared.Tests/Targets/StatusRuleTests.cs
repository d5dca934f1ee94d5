using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;

namespace KpiMonitor.Shared.Tests.Targets;

public sealed class StatusRuleTests
{
    private static Target TargetOf(double value, double band, Direction? direction = null) =>
        new() { Kpi = "k", FromYear = 2025, ToYear = 2025, Value = value, WarningBand = band, Direction = direction };

    [Theory]
    [InlineData(92.0, KpiStatus.Met)]
    [InlineData(90.0, KpiStatus.Met)]
    [InlineData(86.0, KpiStatus.AtRisk)]
    [InlineData(85.0, KpiStatus.AtRisk)]
    [InlineData(84.9, KpiStatus.Missed)]
    public void HigherIsBetter_MetAtTarget_AtRiskWithinBand_MissedBelow(double value, KpiStatus expected) =>
        Assert.Equal(expected, StatusRule.Evaluate(value, TargetOf(90, 5), Direction.HigherIsBetter));

    [Theory]
    [InlineData(0.0, KpiStatus.Met)]
    [InlineData(10.0, KpiStatus.AtRisk)]
    [InlineData(11.0, KpiStatus.Missed)]
    public void LowerIsBetter_MirrorsTheRule(double value, KpiStatus expected) =>
        Assert.Equal(expected, StatusRule.Evaluate(value, TargetOf(0, 10), Direction.LowerIsBetter));

    [Fact]
    public void TargetDirection_OverridesTheKpis() =>
        Assert.Equal(KpiStatus.Missed, StatusRule.Evaluate(30, TargetOf(20, 5, Direction.LowerIsBetter), Direction.HigherIsBetter));

    [Fact]
    public void NoValue_IsNoData_AndNoTarget_IsNoTarget()
    {
        Assert.Equal(KpiStatus.NoData, StatusRule.Evaluate(null, TargetOf(90, 5), Direction.HigherIsBetter));
        Assert.Equal(KpiStatus.NoData, StatusRule.Evaluate(double.NaN, TargetOf(90, 5), Direction.HigherIsBetter));
        Assert.Equal(KpiStatus.NoTarget, StatusRule.Evaluate(50, null, Direction.HigherIsBetter));
    }
}
