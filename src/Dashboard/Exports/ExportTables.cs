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
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Children(KpiDefinition kpi, IReadOnlyList<KpiRow> rows, PeriodGranularity period, bool en)
    {
        string unit = kpi.DisplayUnit.Length > 0 ? $" ({kpi.DisplayUnit})" : "";
        string[] headers =
        [
            Ui.T("export.rank", en), Ui.PreviousRank(period, en), Ui.T("unit.code", en), Ui.T("unit", en), Ui.T("value", en) + unit,
            Ui.T("export.numerator", en), Ui.T("export.denominator", en), Ui.T("target", en) + unit, Ui.T("status", en), Ui.T("export.reporting", en),
        ];
        return (headers, rows.Select(r => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(r.Rank), ExportCell.Of(r.PreviousRank), ExportCell.Of(r.Unit.Code), ExportCell.Of(r.Unit.Name(en)),
            ExportCell.Of(r.Value.Value), ExportCell.Of(r.Value.Numerator), ExportCell.Of(r.Value.Denominator), ExportCell.Of(r.Target?.Value),
            ExportCell.Of(Ui.T("status." + r.Status, en)), ExportCell.Of(r.Value.Reporting),
        ]).ToList());
    }

    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Sources(IReadOnlyList<SourceStatus> sources, System.Security.Claims.ClaimsPrincipal user, bool en)
    {
        string[] headers =
        [
            Ui.T("source.code", en), Ui.T("source", en), Ui.T("source.kind", en), Ui.T("source.enabled", en), Ui.T("source.schedule", en),
            Ui.T("source.freshness", en), Ui.T("source.staleAfter", en), Ui.T("source.lastRun", en), Ui.T("source.lastSuccess", en),
            Ui.T("source.duration", en), Ui.T("source.points", en), Ui.T("source.failures", en), Ui.T("source.units", en),
            Ui.T("source.newest", en), Ui.T("source.lastError", en),
        ];
        return (headers, sources.Select(s => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(s.Source.Code), ExportCell.Of(s.Source.NameVi), ExportCell.Of(Ui.T("kind." + s.Source.Kind, en)),
            ExportCell.Of(Ui.T(s.Source.Enabled ? "yes" : "no", en)), ExportCell.Of(s.Source.Schedule),
            ExportCell.Of(Ui.T(s.Stale ? "source.stale" : "source.fresh", en)), ExportCell.Of(s.Source.StaleAfter.TotalHours),
            ExportCell.Of(s.Health?.LastRun), ExportCell.Of(s.Health?.LastSuccess), ExportCell.Of(s.Health?.Duration.TotalSeconds),
            ExportCell.Of(s.Health?.Points), ExportCell.Of(s.Health?.ConsecutiveFailures), ExportCell.Of(s.UnitsReported),
            ExportCell.Of(s.NewestPeriod), ExportCell.Of(SourceErrorText.For(s.Health?.LastError, user, en)),
        ]).ToList());
    }

    /// <summary>A unit's KPIs for a month, one row a tile of the overview, with the figures the tile compares with.</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Tiles(IReadOnlyList<KpiTile> tiles, bool en)
    {
        string[] headers =
        [
            Ui.T("kpi.code", en), Ui.T("kpi", en), Ui.T("manual.period", en), Ui.T("export.measure", en), Ui.T("value", en),
            Ui.T("export.numerator", en), Ui.T("export.denominator", en), Ui.T("target", en), Ui.T("status", en),
            Ui.T("export.previousValue", en), Ui.T("export.lastYearValue", en), Ui.T("export.reporting", en),
        ];
        return (headers, tiles.Select(t => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(t.Kpi.Code), ExportCell.Of(en ? t.Kpi.NameEn : t.Kpi.NameVi), ExportCell.Of(ManualPeriod.Label(t.Kpi.Period, t.Month, Ui.Culture(en))),
            ExportCell.Of(t.Kpi.DisplayUnit), ExportCell.Of(t.Current.Value), ExportCell.Of(t.Current.Numerator), ExportCell.Of(t.Current.Denominator),
            ExportCell.Of(t.Target?.Value), ExportCell.Of(Ui.T("status." + t.Status, en)), ExportCell.Of(t.Previous), ExportCell.Of(t.LastYear),
            ExportCell.Of(t.Current.Reporting),
        ]).ToList());
    }

    /// <summary>How fresh each source's figures of one unit are (the unit page's table).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Freshness(
        IReadOnlyList<SourceActivity> activity, ConfiguredSources sources, bool en)
    {
        string[] headers = [Ui.T("source.code", en), Ui.T("source", en), Ui.T("source.newest", en), Ui.T("source.received", en)];
        return (headers, activity.Select(a => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(a.Source), ExportCell.Of(sources.Find(a.Source)?.NameVi ?? a.Source), ExportCell.Of(a.LatestPeriod), ExportCell.Of(a.LastReceived),
        ]).ToList());
    }

    /// <summary>The audit trail of manual figures, newest first.</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Audit(IReadOnlyList<AuditEntry> entries, Catalog catalog, bool en)
    {
        string[] headers =
        [
            Ui.T("when", en), Ui.T("who", en), Ui.T("kpi.code", en), Ui.T("kpi", en), Ui.T("unit.code", en), Ui.T("unit", en),
            Ui.T("manual.period", en), Ui.T("old", en), Ui.T("new", en), Ui.T("via", en),
        ];
        return (headers, entries.Select(a => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(a.At), ExportCell.Of(a.User), ExportCell.Of(a.Kpi), ExportCell.Of(catalog.KpiName(a.Kpi, en)), ExportCell.Of(a.Unit),
            ExportCell.Of(catalog.UnitName(a.Unit, en)), ExportCell.Of(catalog.AuditPeriod(a)), ExportCell.Of(a.Old), ExportCell.Of(a.New), ExportCell.Of(a.Via),
        ]).ToList());
    }

    /// <summary>Every target with whom it applies to and its source document (the admin page's table).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Targets(IReadOnlyList<Target> targets, Catalog catalog, bool en)
    {
        string[] headers =
        [
            Ui.T("kpi.code", en), Ui.T("kpi", en), Ui.T("admin.scope", en), Ui.T("export.fromYear", en), Ui.T("export.toYear", en),
            Ui.T("target", en), Ui.T("admin.band", en), Ui.T("admin.document", en),
        ];
        return (headers, targets.Select(t => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(t.Kpi), ExportCell.Of(catalog.KpiName(t.Kpi, en)), ExportCell.Of(catalog.TargetScope(t, en)), ExportCell.Of(t.FromYear),
            ExportCell.Of(t.ToYear), ExportCell.Of(t.Value), ExportCell.Of(t.WarningBand), ExportCell.Of(t.Document),
        ]).ToList());
    }
}
