using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Shared.Tests.Storage;

public sealed class SourceFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Allowed = TimeSpan.FromHours(6);

    [Fact]
    public void ASourceNeverRun_OrNeverSucceeded_IsStale()
    {
        Assert.True(SourceFreshness.IsStale(null, Allowed, Now));
        Assert.True(SourceFreshness.IsStale(Run(lastSuccess: null), Allowed, Now));
    }

    [Fact]
    public void ASuccess_IsFreshUpToTheAllowedAge_AndStaleAfter()
    {
        Assert.False(SourceFreshness.IsStale(Run(Now - Allowed), Allowed, Now));
        Assert.True(SourceFreshness.IsStale(Run(Now - Allowed - TimeSpan.FromSeconds(1)), Allowed, Now));
    }

    // A failing last run does not make a recent success stale: the figures of that success are still current.
    [Fact]
    public void ARecentSuccess_StaysFresh_ThoughTheLatestRunFailed()
    {
        var run = Run(Now.AddHours(-1)) with { LastRun = Now, LastError = "hết thời gian chờ", ConsecutiveFailures = 1 };

        Assert.False(SourceFreshness.IsStale(run, Allowed, Now));
    }

    private static SourceHealth Run(DateTimeOffset? lastSuccess) =>
        new("eoffice", lastSuccess ?? Now, lastSuccess, null, TimeSpan.FromSeconds(2), 10, 0);
}
