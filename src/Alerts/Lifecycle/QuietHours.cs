namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// A nightly window (local time in <see cref="Zone"/>) during which only alerts of at least
/// <see cref="Passes"/> are sent; the others wait until the window ends, they are not dropped.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To, TimeZoneInfo Zone, AlertSeverity Passes = AlertSeverity.Critical)
{
    /// <summary>Whether <paramref name="instant"/> falls in the window (From inclusive, To exclusive; may span midnight).</summary>
    public bool IsQuiet(DateTimeOffset instant)
    {
        var local = TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(instant, Zone).TimeOfDay);
        return From <= To ? local >= From && local < To : local >= From || local < To;
    }

    /// <summary>Whether a notification of <paramref name="severity"/> may go out at <paramref name="instant"/>.</summary>
    public bool Allows(DateTimeOffset instant, AlertSeverity severity) => severity >= Passes || !IsQuiet(instant);
}
