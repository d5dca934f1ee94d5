using System.Globalization;
using KpiMonitor.Alerts;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Reading;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Configuration;

namespace KpiMonitor.Dashboard.Alerting;

/// <summary>How an alert's parts read on the page, in the API's names and in exports.</summary>
public static partial class AlertText
{
    /// <summary>"Nghiêm trọng" / "Critical", "Cảnh báo" / "Warning".</summary>
    public static string Severity(AlertSeverity? severity, CultureInfo culture) =>
        severity is { } s ? UiText.Get("alerts.severity." + s, culture) : "—";

    /// <summary>What a history entry records, as a word.</summary>
    public static string Kind(AlertHistoryKind kind, CultureInfo culture) => UiText.Get("alerts.kind." + kind, culture);

    /// <summary>The unit's name (not its code); a source's alert names the source; "—" for neither.</summary>
    public static string Subject(AlertKey key, Catalog catalog, CultureInfo culture) =>
        key.Unit is { } unit ? catalog.UnitName(unit, culture)
        : key.Source is { } source ? UiText.Format("alerts.source", culture, source)
        : "—";

    /// <summary>The KPI's name, or "—" for a rule over no KPI (a source down).</summary>
    public static string KpiName(AlertKey key, Catalog catalog, CultureInfo culture) =>
        key.Kpi is { } kpi ? catalog.KpiName(kpi, culture) : "—";

    /// <summary>
    /// The summary as the page shows it: without the dashboard address a rule's <c>{link}</c> put in it for mail and chat
    /// (the page links the KPI itself).
    /// </summary>
    public static string Shown(string summary) => Address().Replace(summary, "").TrimEnd();

    /// <summary>The severity as the API writes it: "warning", "critical".</summary>
    public static string Code(AlertSeverity? severity) => severity?.ToString().ToLowerInvariant() ?? "";

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*https?://\S+")]
    private static partial System.Text.RegularExpressions.Regex Address();
}
