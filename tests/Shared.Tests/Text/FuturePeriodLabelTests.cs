using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Shared.Tests.Text;

public sealed class FuturePeriodLabelTests
{
    // 1 December 2026 in Vietnam: the fourth quarter is in progress.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AFutureQuarter_IsNamedAsAQuarter()
    {
        var problem = FuturePeriod.Problem(ReportingPeriod.Quarterly, new DateOnly(2027, 4, 1), Now);

        Assert.NotNull(problem);
        Assert.Contains("Q2/2027", problem, StringComparison.Ordinal);
        Assert.Contains("Q4/2026", problem, StringComparison.Ordinal);
    }
}
