using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>Everything read from <c>config/alerts.json</c>, checked against the catalogue and the sources.</summary>
public sealed record AlertConfig
{
    /// <summary>The rules, in file order.</summary>
    public required IReadOnlyList<AlertRule> Rules { get; init; }

    /// <summary>The delivery channels.</summary>
    public required IReadOnlyList<ChannelDefinition> Channels { get; init; }

    /// <summary>The ICT department's contacts: source alerts, and whatever has nobody else to go to.</summary>
    public required IReadOnlyList<Contact> Operators { get; init; }

    /// <summary>Contacts per unit and per level.</summary>
    public required IReadOnlyList<RecipientEntry> Recipients { get; init; }

    /// <summary>Per level: the unit's contacts, its parent's, or both (levels not listed: the unit's).</summary>
    public required IReadOnlyList<LevelRoute> Routes { get; init; }

    /// <summary>Quiet hours, or null for none.</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>Delay before an unacknowledged critical alert goes to the parent unit; null for never.</summary>
    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>Address of the dashboard, for the <c>{link}</c> placeholder.</summary>
    public Uri? DashboardUrl { get; init; }
}
