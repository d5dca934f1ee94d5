namespace KpiMonitor.Shared.Periods;

/// <summary>One period of a series: [<paramref name="Start"/>, <paramref name="End"/>) in UTC, named by its local first day.</summary>
public sealed record PeriodBucket(DateOnly FirstDay, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Most buckets one series may ask for; beyond that the caller picks a coarser granularity.</summary>
    public const int MaxBuckets = 1000;

    /// <summary>
    /// The calendar buckets (Vietnamese local time) that overlap [from, to). The first bucket starts at
    /// the period containing <paramref name="from"/>, so a month series always holds whole months.
    /// </summary>
    public static IReadOnlyList<PeriodBucket> Between(DateTimeOffset from, DateTimeOffset to, PeriodGranularity granularity)
    {
        if (to <= from)
        {
            throw new ArgumentException($"Khoảng thời gian không hợp lệ: 'từ' ({from:O}) phải trước 'đến' ({to:O}).", nameof(to));
        }

        var buckets = new List<PeriodBucket>();
        var day = Floor(VietnamTime.DateOf(from), granularity);
        while (VietnamTime.StartOf(day) < to)
        {
            var next = Next(day, granularity);
            buckets.Add(new PeriodBucket(day, VietnamTime.StartOf(day), VietnamTime.StartOf(next)));
            if (buckets.Count > MaxBuckets)
            {
                throw new ArgumentException(
                    $"Khoảng thời gian quá dài: hơn {MaxBuckets} kỳ theo {granularity}; hãy chọn kỳ lớn hơn.", nameof(granularity));
            }

            day = next;
        }

        return buckets;
    }

    /// <summary>The first local day of the period containing <paramref name="day"/>.</summary>
    public static DateOnly Floor(DateOnly day, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => day,
        PeriodGranularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        PeriodGranularity.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodGranularity.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        PeriodGranularity.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity)),
    };

    /// <summary>The first local day of the following period.</summary>
    public static DateOnly Next(DateOnly periodStart, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => periodStart.AddDays(1),
        PeriodGranularity.Week => periodStart.AddDays(7),
        PeriodGranularity.Month => periodStart.AddMonths(1),
        PeriodGranularity.Quarter => periodStart.AddMonths(3),
        PeriodGranularity.Year => periodStart.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity)),
    };
}
