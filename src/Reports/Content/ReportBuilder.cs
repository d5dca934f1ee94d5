using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// Builds the monthly report's content for a unit and a month from the shared assessment only: every value, target,
/// status and rank is <see cref="KpiAssessor"/>'s, so the report can never disagree with the dashboard or the alerts.
/// </summary>
public sealed class ReportBuilder(
    KpiAssessor assessor,
    KpiReader reader,
    Catalog catalog,
    ISourceHealthStore health,
    ITimeSeriesStore store,
    ReportSources sources,
    IOptions<ReportOptions> options,
    TimeProvider time,
    ReportAlerts? alerts = null)
{
    /// <summary>The report of <paramref name="unitCode"/> for the month holding <paramref name="month"/>; a month not yet begun is refused.</summary>
    public async Task<MonthlyReport> BuildAsync(string unitCode, DateOnly month, CancellationToken cancellationToken)
    {
        var unit = catalog.Units.Find(unitCode) ?? throw new ArgumentException($"Không có đơn vị '{unitCode}' trong units.json.", nameof(unitCode));
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > assessor.Today)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Tháng báo cáo chưa bắt đầu.");
        }

        // The KPI's period holding the month's last day: the month itself for a monthly KPI, its year for a yearly one.
        var lastDay = first.AddMonths(1).AddDays(-1);
        var today = assessor.Today;
        var tree = catalog.Units.AsOf(lastDay < today ? lastDay : today);
        var settings = options.Value.WithHeadingOf(tree.Roots is [var top, ..] ? top.NameVi : unit.NameVi);
        var findings = new KpiFindings(catalog.Units, settings);
        var sections = new List<KpiSection>();
        foreach (var kpi in catalog.Kpis.All)
        {
            var assessment = await assessor.AssessAsync(kpi, unit, lastDay, cancellationToken);
            var trend = await TrendAsync(kpi, unit, first, cancellationToken);
            sections.Add(new KpiSection(assessment, trend));
            findings.Add(kpi, await assessor.ChildrenAsync(kpi, unit, lastDay, cancellationToken));
        }

        var stale = await StaleSourcesAsync(cancellationToken);
        var appendix = catalog.Kpis.All
            .Select(k => new AppendixRow(k, catalog.Targets.All
                .Where(t => t.Kpi == k.Code && t.AppliesTo(first.Year))
                .OrderBy(t => t.Unit is null ? t.Level is null ? 0 : 1 : 2)
                .ThenBy(t => t.Level is null ? -1 : catalog.Units.LevelOrder(t.Level))
                .ThenBy(t => t.Unit, StringComparer.Ordinal)
                .Select(t => new AppendixTarget(t, Scope(t)))
                .ToList()))
            .ToList();

        var children = tree.ChildrenOf(unit.Code);
        var monthAlerts = await MonthAlertsAsync(tree.SubtreeOf(unit.Code), first, cancellationToken);
        var report = new MonthlyReport(unit, first, settings, children, sections, findings.Attainment, findings.Changes, findings.Missing, findings.Unreported, stale,
            findings.Leagues, appendix, [], monthAlerts);
        return report with { Summary = ReportSummary.Write(report) };
    }

    // The month in Vietnamese time; for a month in progress, up to now.
    private Task<MonthAlerts?> MonthAlertsAsync(IReadOnlyList<string> subtree, DateOnly month, CancellationToken cancellationToken)
    {
        if (alerts is not { Available: true })
        {
            return Task.FromResult<MonthAlerts?>(null);
        }

        var start = VietnamTime.StartOf(month);
        var end = VietnamTime.StartOf(month.AddMonths(1));
        var now = time.GetUtcNow();
        return alerts.CountAsync(subtree.ToHashSet(StringComparer.Ordinal), start, end < now ? end : now, end <= now, cancellationToken);
    }

    private string Scope(Target target) =>
        target.Unit is { } unit ? catalog.Units.Find(unit)?.NameVi ?? unit
        : target.Level is { } level ? catalog.Units.FindLevel(level)?.NameVi ?? level
        : "Tất cả đơn vị";

    // Twelve months up to the one reported, each with the target of its own year (the chart's target line steps at New Year).
    private async Task<IReadOnlyList<TrendPoint>> TrendAsync(KpiDefinition kpi, OrgUnit unit, DateOnly month, CancellationToken cancellationToken)
    {
        var series = await reader.GetSeriesAsync(kpi.Code, unit.Code, VietnamTime.StartOf(month.AddMonths(-11)), VietnamTime.StartOf(month.AddMonths(1)),
            PeriodGranularity.Month, cancellationToken);
        return series
            .Select(p =>
            {
                var target = assessor.TargetFor(kpi, unit, p.Period.Year);
                return new TrendPoint(p.Period, p.Value.Value, target?.Value, target?.WarningBand ?? 0);
            })
            .ToList();
    }

    private async Task<IReadOnlyList<StaleSource>> StaleSourcesAsync(CancellationToken cancellationToken)
    {
        var enabled = sources.All.Where(s => s.Enabled).ToList();
        if (enabled.Count == 0)
        {
            return [];
        }

        var runs = (await health.GetSourceHealthAsync(cancellationToken)).ToDictionary(h => h.Source, StringComparer.Ordinal);
        var activity = (await store.GetSourceActivityAsync(cancellationToken)).ToLookup(a => a.Source, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return enabled
            .Select(s => (Source: s, Run: runs.GetValueOrDefault(s.Code)))
            .Where(s => SourceFreshness.IsStale(s.Run, s.Source.StaleAfter, now))
            .Select(s => new StaleSource(s.Source.Code, s.Source.NameVi, s.Run?.LastSuccess,
                activity[s.Source.Code].Select(a => a.Unit).Distinct(StringComparer.Ordinal).Count()))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
    }
}
