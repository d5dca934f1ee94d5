namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// One rule instance: a rule applied to a unit (and a KPI, for rules over several KPIs) or to a source.
/// Its <see cref="Id"/> is stable text, used as the event stream name and in notification ids.
/// </summary>
public sealed record AlertKey(string Rule, string? Unit = null, string? Kpi = null, string? Source = null)
{
    /// <summary>Stable identifier, for example <c>online-target/LCU.X.BGI/online_dossier_rate</c> or <c>source-down/@eoffice</c>.</summary>
    public string Id => Source is not null ? $"{Rule}/@{Source}" : Kpi is null ? $"{Rule}/{Unit}" : $"{Rule}/{Unit}/{Kpi}";

    /// <summary>
    /// The dashboard page to open: the KPI page of the unit, or the sources page for a source; relative when no
    /// dashboard address is configured. Summaries ({link}), mail and chat messages all link here.
    /// </summary>
    public string PageLink(Uri? dashboardUrl)
    {
        string root = dashboardUrl?.ToString().TrimEnd('/') ?? "";
        return Source is not null || Kpi is null || Unit is null
            ? root + "/nguon-du-lieu"
            : $"{root}/chi-tieu/{Uri.EscapeDataString(Kpi)}?unit={Uri.EscapeDataString(Unit)}";
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
