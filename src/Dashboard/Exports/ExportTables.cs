using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Exports;

/// <summary>The tables of the KPI and sources pages as headers and cells, in the reader's language.</summary>
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

    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows) Sources(IReadOnlyList<SourceStatus> sources, bool en)
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
            ExportCell.Of(s.NewestPeriod), ExportCell.Of(s.Health?.LastError),
        ]).ToList());
    }
}
