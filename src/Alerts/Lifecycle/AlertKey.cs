namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// One rule instance: a rule applied to a unit (and a KPI, for rules over several KPIs) or to a source.
/// Its <see cref="Id"/> is stable text, used as the event stream name and in notification ids.
/// </summary>
public sealed record AlertKey(string Rule, string? Unit = null, string? Kpi = null, string? Source = null)
{
    /// <summary>Stable identifier, for example <c>online-target/LCU.X.BGI/online_dossier_rate</c> or <c>source-down/@eoffice</c>.</summary>
    public string Id => Source is not null ? $"{Rule}/@{Source}" : Kpi is null ? $"{Rule}/{Unit}" : $"{Rule}/{Unit}/{Kpi}";

    /// <inheritdoc />
    public override string ToString() => Id;
}
