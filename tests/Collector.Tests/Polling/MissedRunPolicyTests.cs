using KpiMonitor.Collector.Polling;

namespace KpiMonitor.Collector.Tests.Polling;

public sealed class MissedRunPolicyTests
{
    // Every day at 06:30 Vietnamese time, which is 23:30 UTC the day before.
    private const string Daily0630 = "0 30 6 * * ?";

    [Fact]
    public void NeverRun_IsMissed() => Assert.True(MissedRunPolicy.Missed(Daily0630, null, DateTimeOffset.UtcNow));

    [Fact]
    public void AFireTimeBetweenLastRunAndNow_IsMissed_OnceNoMatterHowMany()
    {
        var lastRun = new DateTimeOffset(2026, 11, 18, 23, 35, 0, TimeSpan.Zero); // 06:35 on 19/11 in Vietnam
        var now = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

        Assert.True(MissedRunPolicy.Missed(Daily0630, lastRun, now));
    }

    [Fact]
    public void NoFireTimeSinceTheLastRun_IsNotMissed_AndTheZoneIsVietnams()
    {
        var lastRun = new DateTimeOffset(2026, 11, 22, 23, 31, 0, TimeSpan.Zero); // 06:31 on 23/11 in Vietnam
        var beforeNextLocal0630 = new DateTimeOffset(2026, 11, 23, 23, 29, 0, TimeSpan.Zero);
        var afterNextLocal0630 = new DateTimeOffset(2026, 11, 23, 23, 31, 0, TimeSpan.Zero);

        Assert.False(MissedRunPolicy.Missed(Daily0630, lastRun, beforeNextLocal0630));
        Assert.True(MissedRunPolicy.Missed(Daily0630, lastRun, afterNextLocal0630));
    }

    [Theory]
    [InlineData("0 5 * * * ?", true)]
    [InlineData("*/5 * * * *", false)]
    [InlineData("hằng giờ", false)]
    public void Check_AcceptsQuartzCron_AndExplainsTheRest(string cron, bool valid)
    {
        string? problem = MissedRunPolicy.Check(cron);

        Assert.Equal(valid, problem is null);
        if (!valid)
        {
            Assert.Contains("cron", problem);
        }
    }
}
