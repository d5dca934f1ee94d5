using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Targets;

namespace KpiMonitor.Dashboard.Exports;

/// <summary>The pages' tables as headers and cells, in the reader's language.</summary>
public static class ExportTables
{
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Children(KpiDefinition kpi, IReadOnlyList<KpiRow> rows, PeriodGranularity period, CultureInfo culture)
    {
        string unit = kpi.DisplayUnit.Length > 0 ? $" ({kpi.DisplayUnit})" : "";
        string[] headers =
        [
            UiText.Get("export.rank", culture), UiText.Get(UiText.PreviousRank(period), culture), UiText.Get("unit.code", culture), UiText.Get("unit", culture), UiText.Get("value", culture) + unit,
            UiText.Get("export.numerator", culture), UiText.Get("export.denominator", culture), UiText.Get("target", culture) + unit, UiText.Get("status", culture), UiText.Get("export.reporting", culture),
        ];
        return (headers, rows.Select(r => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(r.Rank), ExportCell.Of(r.PreviousRank), ExportCell.Of(r.Unit.Code), ExportCell.Of(r.Unit.Name(culture)),
            ExportCell.Of(r.Value.Value), ExportCell.Of(r.Value.Numerator), ExportCell.Of(r.Value.Denominator), ExportCell.Of(r.Target?.Value),
            ExportCell.Of(UiText.Get("status." + r.Status, culture)), ExportCell.Of(r.Value.Reporting),
        ]).ToList());
    }

    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Sources(IReadOnlyList<SourceStatus> sources, System.Security.Claims.ClaimsPrincipal user, CultureInfo culture)
    {
        string[] headers =
        [
            UiText.Get("source.code", culture), UiText.Get("source", culture), UiText.Get("source.kind", culture), UiText.Get("source.enabled", culture), UiText.Get("source.schedule", culture),
            UiText.Get("source.freshness", culture), UiText.Get("source.staleAfter", culture), UiText.Get("source.lastRun", culture), UiText.Get("source.lastSuccess", culture),
            UiText.Get("source.duration", culture), UiText.Get("source.points", culture), UiText.Get("source.failures", culture), UiText.Get("source.units", culture),
            UiText.Get("source.newest", culture), UiText.Get("source.lastError", culture),
        ];
        return (headers, sources.Select(s => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(s.Source.Code), ExportCell.Of(s.Source.NameVi), ExportCell.Of(UiText.Get("kind." + s.Source.Kind, culture)),
            ExportCell.Of(UiText.Get(s.Source.Enabled ? "yes" : "no", culture)), ExportCell.Of(s.Source.Schedule),
            ExportCell.Of(UiText.Get(s.Stale ? "source.stale" : "source.fresh", culture)), ExportCell.Of(s.Source.StaleAfter.TotalHours),
            ExportCell.Of(s.Health?.LastRun), ExportCell.Of(s.Health?.LastSuccess), ExportCell.Of(s.Health?.Duration.TotalSeconds),
            ExportCell.Of(s.Health?.Points), ExportCell.Of(s.Health?.ConsecutiveFailures), ExportCell.Of(s.UnitsReported),
            ExportCell.Of(s.NewestPeriod), ExportCell.Of(SourceErrorText.For(s.Health?.LastError, user, culture)),
        ]).ToList());
    }

    /// <summary>A unit's KPIs for a month, one row a tile of the overview, with the figures the tile compares with.</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Tiles(IReadOnlyList<KpiTile> tiles, CultureInfo culture)
    {
        string[] headers =
        [
            UiText.Get("kpi.code", culture), UiText.Get("kpi", culture), UiText.Get("manual.period", culture), UiText.Get("export.measure", culture), UiText.Get("value", culture),
            UiText.Get("export.numerator", culture), UiText.Get("export.denominator", culture), UiText.Get("target", culture), UiText.Get("status", culture),
            UiText.Get("export.previousValue", culture), UiText.Get("export.lastYearValue", culture), UiText.Get("export.reporting", culture),
        ];
        return (headers, tiles.Select(t => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(t.Kpi.Code), ExportCell.Of(t.Kpi.Name(culture)), ExportCell.Of(ManualPeriod.Label(t.Kpi.Period, t.Month, culture)),
            ExportCell.Of(t.Kpi.DisplayUnit), ExportCell.Of(t.Current.Value), ExportCell.Of(t.Current.Numerator), ExportCell.Of(t.Current.Denominator),
            ExportCell.Of(t.Target?.Value), ExportCell.Of(UiText.Get("status." + t.Status, culture)), ExportCell.Of(t.Previous), ExportCell.Of(t.LastYear),
            ExportCell.Of(t.Current.Reporting),
        ]).ToList());
    }

    /// <summary>How fresh each source's figures of one unit are (the unit page's table).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Freshness(
        IReadOnlyList<SourceActivity> activity, ConfiguredSources sources, CultureInfo culture)
    {
        string[] headers = [UiText.Get("source.code", culture), UiText.Get("source", culture), UiText.Get("source.newest", culture), UiText.Get("source.received", culture)];
        return (headers, activity.Select(a => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(a.Source), ExportCell.Of(sources.Find(a.Source)?.NameVi ?? a.Source), ExportCell.Of(a.LatestPeriod), ExportCell.Of(a.LastReceived),
        ]).ToList());
    }

    /// <summary>The audit trail of manual figures, newest first.</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Audit(IReadOnlyList<AuditEntry> entries, Catalog catalog, CultureInfo culture)
    {
        string[] headers =
        [
            UiText.Get("when", culture), UiText.Get("who", culture), UiText.Get("kpi.code", culture), UiText.Get("kpi", culture), UiText.Get("unit.code", culture), UiText.Get("unit", culture),
            UiText.Get("manual.period", culture), UiText.Get("old", culture), UiText.Get("new", culture), UiText.Get("via", culture),
        ];
        return (headers, entries.Select(a => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(a.At), ExportCell.Of(a.User), ExportCell.Of(a.Kpi), ExportCell.Of(catalog.KpiName(a.Kpi, culture)), ExportCell.Of(a.Unit),
            ExportCell.Of(catalog.UnitName(a.Unit, culture)), ExportCell.Of(catalog.AuditPeriod(a)), ExportCell.Of(a.Old), ExportCell.Of(a.New), ExportCell.Of(a.Via),
        ]).ToList());
    }

    /// <summary>Every target with whom it applies to and its source document (the admin page's table).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Targets(IReadOnlyList<Target> targets, Catalog catalog, CultureInfo culture)
    {
        string[] headers =
        [
            UiText.Get("kpi.code", culture), UiText.Get("kpi", culture), UiText.Get("admin.scope", culture), UiText.Get("export.fromYear", culture), UiText.Get("export.toYear", culture),
            UiText.Get("target", culture), UiText.Get("admin.band", culture), UiText.Get("admin.document", culture),
        ];
        return (headers, targets.Select(t => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(t.Kpi), ExportCell.Of(catalog.KpiName(t.Kpi, culture)), ExportCell.Of(catalog.TargetScope(t, culture)), ExportCell.Of(t.FromYear),
            ExportCell.Of(t.ToYear), ExportCell.Of(t.Value), ExportCell.Of(t.WarningBand), ExportCell.Of(t.Document),
        ]).ToList());
    }

    /// <summary>Alert history, newest first, with the columns of the alerts page's history (codes beside the names).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) AlertHistory(
        IEnumerable<KpiMonitor.Alerts.Reading.AlertHistoryEntry> entries, Catalog catalog, CultureInfo culture)
    {
        string[] headers =
        [
            UiText.Get("when", culture), UiText.Get("alerts.event", culture), UiText.Get("alerts.severity", culture), UiText.Get("unit.code", culture),
            UiText.Get("alerts.subject", culture), UiText.Get("kpi.code", culture), UiText.Get("kpi", culture), UiText.Get("alerts.rule", culture),
            UiText.Get("alerts.summary", culture), UiText.Get("alerts.acknowledger", culture), UiText.Get("alerts.note", culture),
        ];
        return (headers, entries.Select(e => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(e.At), ExportCell.Of(Alerting.AlertText.Kind(e.Kind, culture)), ExportCell.Of(Alerting.AlertText.Severity(e.Severity, culture)),
            ExportCell.Of(e.Key.Unit ?? e.Key.Source), ExportCell.Of(Alerting.AlertText.Subject(e.Key, catalog, culture)), ExportCell.Of(e.Key.Kpi),
            ExportCell.Of(Alerting.AlertText.KpiName(e.Key, catalog, culture)), ExportCell.Of(e.Key.Rule), ExportCell.Of(e.Summary), ExportCell.Of(e.By), ExportCell.Of(e.Note),
        ]).ToList());
    }
}
