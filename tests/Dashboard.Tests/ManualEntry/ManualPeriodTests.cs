using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.ManualEntry;

public sealed class ManualPeriodTests
{
    [Fact]
    public void Label_WritesAQuarterAsAQuarter_NotAsItsFirstMonth()
    {
        var august = new DateOnly(2026, 8, 1);

        Assert.Equal("Q3/2026", ManualPeriod.Label(ReportingPeriod.Quarterly, august, Cultures.Vietnamese));
        Assert.Equal("Q3 2026", ManualPeriod.Label(ReportingPeriod.Quarterly, august, Cultures.English));
        Assert.Equal("08/2026", ManualPeriod.Label(ReportingPeriod.Monthly, august, Cultures.Vietnamese));
        Assert.Equal("2026", ManualPeriod.Label(ReportingPeriod.Yearly, august, Cultures.English));
    }
}
