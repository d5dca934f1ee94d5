using KpiMonitor.Dashboard.Auth;

namespace KpiMonitor.Dashboard.Tests.Auth;

public sealed class FailureCounterTests
{
    [Fact]
    public void RandomKeys_NeverHoldMoreThanTheCapacity_AndAKeyPastItsWindowIsFreeAgain()
    {
        var time = new SteppedTime();
        var counter = new FailureCounter(1_000, time);
        for (int i = 0; i < 20_000; i++)
        {
            counter.Add("nguoi-" + i, TimeSpan.FromMinutes(1));
        }

        counter.Add("x", TimeSpan.FromMinutes(1));
        counter.Add("x", TimeSpan.FromMinutes(1));
        bool blocked = counter.Blocked("x", 2) is not null;
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.InRange(counter.Count, 1, 1_000);
        Assert.True(blocked);
        Assert.Null(counter.Blocked("x", 2));
    }

    private sealed class SteppedTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
