using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>One KPI for one unit: its trend against the target, and its children ranked this month with their movement since last month.</summary>
public sealed class KpiModel(ChildRanking ranking, Catalog catalog, TimeProvider time) : PageModel
{
    public KpiDefinition? Kpi { get; private set; }
    public OrgUnit? Unit { get; private set; }
    public int Months { get; private set; } = 24;
    public string Grain { get; private set; } = "month";
    public IReadOnlyList<KpiRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string? unit, int? months, string? grain, CancellationToken cancellationToken)
    {
        Kpi = catalog.Kpis.Find(code);
        var snapshot = catalog.Units.AsOf(VietnamTime.DateOf(time.GetUtcNow()));
        Unit = catalog.Units.Find(unit ?? (snapshot.Roots.Count > 0 ? snapshot.Roots[0].Code : ""));
        if (Kpi is null || Unit is null || months is not (null or 12 or 24 or 36) || grain is not (null or "month" or "quarter"))
        {
            return NotFound();
        }

        Months = months ?? 24;
        Grain = grain ?? "month";
        Rows = await ranking.RowsAsync(Kpi, Unit, cancellationToken);
        return Page();
    }

    public static string Movement(int? now, int? before) => (now, before) switch
    {
        ({ } n, { } b) when n < b => $"▲{b - n}",
        ({ } n, { } b) when n > b => $"▼{n - b}",
        ({ }, { }) => "=",
        _ => "",
    };
}
