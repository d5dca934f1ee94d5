using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>One KPI for one unit: its trend against the target, and its children ranked this month with their movement since last month.</summary>
public sealed class KpiModel(KpiReader reader, Catalog catalog, TimeProvider time) : PageModel
{
    public KpiDefinition? Kpi { get; private set; }
    public OrgUnit? Unit { get; private set; }
    public int Months { get; private set; } = 24;
    public string Grain { get; private set; } = "month";
    public IReadOnlyList<KpiRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string? unit, int? months, string? grain, CancellationToken cancellationToken)
    {
        Kpi = catalog.Kpis.Find(code);
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var snapshot = catalog.Units.AsOf(today);
        Unit = catalog.Units.Find(unit ?? (snapshot.Roots.Count > 0 ? snapshot.Roots[0].Code : ""));
        if (Kpi is null || Unit is null || months is not (null or 12 or 24 or 36) || grain is not (null or "month" or "quarter"))
        {
            return NotFound();
        }

        Months = months ?? 24;
        Grain = grain ?? "month";
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var from = VietnamTime.StartOf(thisMonth.AddMonths(-1));
        var to = VietnamTime.StartOf(thisMonth.AddMonths(1));
        var rows = new List<(OrgUnit Unit, RolledValue Now, RolledValue Before)>();
        foreach (var child in snapshot.ChildrenOf(Unit.Code))
        {
            var series = await reader.GetSeriesAsync(Kpi.Code, child.Code, from, to, PeriodGranularity.Month, cancellationToken);
            rows.Add((child, series[^1].Value, series[0].Value));
        }

        var rankNow = Ranks(rows.Select(r => (r.Unit.Code, r.Now.Value)));
        var rankBefore = Ranks(rows.Select(r => (r.Unit.Code, r.Before.Value)));
        Rows = rows
            .Select(r =>
            {
                var target = catalog.Targets.For(Kpi.Code, r.Unit, today.Year);
                return new KpiRow(r.Unit, r.Now, target, StatusRule.Evaluate(r.Now.Value, target, Kpi.Direction),
                    rankNow.GetValueOrDefault(r.Unit.Code), rankBefore.GetValueOrDefault(r.Unit.Code));
            })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Unit.NameVi, StringComparer.Ordinal)
            .ToList();
        return Page();
    }

    public static string Movement(int? now, int? before) => (now, before) switch
    {
        ({ } n, { } b) when n < b => $"▲{b - n}",
        ({ } n, { } b) when n > b => $"▼{n - b}",
        ({ }, { }) => "＝",
        _ => "",
    };

    /// <summary>1 = best, honouring the KPI's direction; units without a value get no rank.</summary>
    private Dictionary<string, int?> Ranks(IEnumerable<(string Unit, double? Value)> values)
    {
        var ordered = values.Where(v => v.Value is not null);
        ordered = Kpi!.Direction == Direction.LowerIsBetter ? ordered.OrderBy(v => v.Value) : ordered.OrderByDescending(v => v.Value);
        return ordered.Select((v, i) => (v.Unit, Rank: (int?)(i + 1))).ToDictionary(v => v.Unit, v => v.Rank, StringComparer.Ordinal);
    }
}
