namespace KpiMonitor.Shared.Periods;

/// <summary>Asia/Ho_Chi_Minh: the zone every period boundary and every displayed time uses.</summary>
public static class VietnamTime
{
    /// <summary>UTC+7 all year; Vietnam has no daylight saving, so a fixed zone is a safe fallback.</summary>
    public static TimeZoneInfo Zone { get; } = Load();

    /// <summary>The IANA id, as InfluxQL's <c>tz()</c> expects it.</summary>
    public const string IanaId = "Asia/Ho_Chi_Minh";

    /// <summary>The local calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a local date starts (00:00 in Vietnam), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An instant as Vietnamese local time.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static TimeZoneInfo Load()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(IanaId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(IanaId, TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
