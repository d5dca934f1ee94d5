using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Shared.Tests.Periods;

public sealed class PeriodIndexTests
{
    [Fact]
    public void AnInstant_FallsInThePeriodFromWhoseStartItIs_AndOutsideTheRangeInNone()
    {
        // Three months in Vietnamese time: each starts at 17:00 UTC of the day before.
        var buckets = PeriodBucket.Between(VietnamTime.StartOf(new DateOnly(2025, 1, 1)), VietnamTime.StartOf(new DateOnly(2025, 4, 1)), PeriodGranularity.Month);
        var index = new PeriodIndex(buckets);
        long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

        Assert.Equal(3, index.Count);
        Assert.Equal(-1, index.Of(Ms(buckets[0].Start) - 1));
        Assert.Equal(0, index.Of(Ms(buckets[0].Start)));
        Assert.Equal(0, index.Of(Ms(buckets[1].Start) - 1));
        Assert.Equal(1, index.Of(Ms(buckets[1].Start)));
        Assert.Equal(2, index.Of(Ms(buckets[2].End) - 1));
        Assert.Equal(-1, index.Of(Ms(buckets[2].End)));
    }
}
