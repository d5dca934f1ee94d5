using System.Globalization;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.SourceSimulator.Periods;

/// <summary>A calendar month in Vietnamese time, written <c>yyyy-MM</c> as the source APIs expect.</summary>
public readonly record struct MonthPeriod : IComparable<MonthPeriod>
{
    public MonthPeriod(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2100);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>Months since January 2000: a compact key for caches and hashes.</summary>
    public int Index => ((Year - 2000) * 12) + Month - 1;

    public DateOnly FirstDay => new(Year, Month, 1);

    public int Days => DateTime.DaysInMonth(Year, Month);

    /// <summary>Local midnight of the first day, as an unzoned <see cref="DateTime"/> in Vietnamese time.</summary>
    public DateTime LocalStart => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public DateTime LocalEnd => LocalStart.AddMonths(1);

    public MonthPeriod Next => Month == 12 ? new MonthPeriod(Year + 1, 1) : new MonthPeriod(Year, Month + 1);

    public MonthPeriod Previous => Month == 1 ? new MonthPeriod(Year - 1, 12) : new MonthPeriod(Year, Month - 1);

    /// <summary>The month (Vietnamese time) that contains an instant.</summary>
    public static MonthPeriod Containing(DateTimeOffset instant)
    {
        var day = VietnamTime.DateOf(instant);
        return new MonthPeriod(day.Year, day.Month);
    }

    /// <summary>Parses exactly <c>yyyy-MM</c>; anything else (including <c>2026-3</c>) is rejected.</summary>
    public static bool TryParse(string? text, out MonthPeriod period)
    {
        period = default;
        if (text is null || text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || year is < 2000 or > 2100 || month is < 1 or > 12)
        {
            return false;
        }

        period = new MonthPeriod(year, month);
        return true;
    }

    public static MonthPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a month written yyyy-MM.");

    public int CompareTo(MonthPeriod other) => Index.CompareTo(other.Index);

    public static bool operator <(MonthPeriod left, MonthPeriod right) => left.Index < right.Index;

    public static bool operator >(MonthPeriod left, MonthPeriod right) => left.Index > right.Index;

    public static bool operator <=(MonthPeriod left, MonthPeriod right) => left.Index <= right.Index;

    public static bool operator >=(MonthPeriod left, MonthPeriod right) => left.Index >= right.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
