using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Shared.Tests.Periods;

public sealed class PeriodBucketTests
{
    [Fact]
    public void Months_StartAtMidnightInVietnam_WhichIs17hUtcTheDayBefore()
    {
        var buckets = PeriodBucket.Between(VietnamTime.StartOf(new DateOnly(2025, 1, 15)), VietnamTime.StartOf(new DateOnly(2025, 3, 2)), PeriodGranularity.Month);

        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)], buckets.Select(b => b.FirstDay));
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 17, 0, 0, TimeSpan.Zero), buckets[0].Start);
        Assert.Equal(buckets[0].End, buckets[1].Start);
    }

    [Fact]
    public void Weeks_StartOnMonday()
    {
        var buckets = PeriodBucket.Between(VietnamTime.StartOf(new DateOnly(2025, 1, 1)), VietnamTime.StartOf(new DateOnly(2025, 1, 8)), PeriodGranularity.Week);

        Assert.All(buckets, b => Assert.Equal(DayOfWeek.Monday, b.FirstDay.DayOfWeek));
        Assert.Equal(new DateOnly(2024, 12, 30), buckets[0].FirstDay);
    }

    [Fact]
    public void Quarters_AndYears_FollowTheCalendar()
    {
        var from = VietnamTime.StartOf(new DateOnly(2024, 11, 5));
        var to = VietnamTime.StartOf(new DateOnly(2025, 4, 1));

        Assert.Equal([new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 1)], PeriodBucket.Between(from, to, PeriodGranularity.Quarter).Select(b => b.FirstDay));
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)], PeriodBucket.Between(from, to, PeriodGranularity.Year).Select(b => b.FirstDay));
    }

    [Fact]
    public void BadRanges_AreRefusedWithAMessage()
    {
        var start = VietnamTime.StartOf(new DateOnly(2020, 1, 1));

        Assert.Throws<ArgumentException>(() => PeriodBucket.Between(start, start, PeriodGranularity.Day));
        var tooLong = Assert.Throws<ArgumentException>(() => PeriodBucket.Between(start, start.AddYears(5), PeriodGranularity.Day));
        Assert.Contains("quá dài", tooLong.Message);
    }
}
