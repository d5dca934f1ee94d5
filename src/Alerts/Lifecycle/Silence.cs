namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// An operator's silence: alerts of the given unit, KPI, rule or source (each null = any, at least one set) keep
/// their lifecycle and history until <see cref="Until"/>, but nobody is told.
/// </summary>
public sealed record Silence(string Id, DateTimeOffset Until, string? Unit = null, string? Kpi = null, string? Rule = null, string? Source = null)
{
    /// <summary>Who set it.</summary>
    public string By { get; init; } = "";

    /// <summary>Why.</summary>
    public string Note { get; init; } = "";

    /// <summary>Whether it covers <paramref name="key"/> at <paramref name="now"/>. A silence without any matcher covers nothing.</summary>
    public bool Matches(AlertKey key, DateTimeOffset now) =>
        now < Until
        && (Unit ?? Kpi ?? Rule ?? Source) is not null
        && (Unit is null || Unit == key.Unit)
        && (Kpi is null || Kpi == key.Kpi)
        && (Rule is null || Rule == key.Rule)
        && (Source is null || Source == key.Source);
}
