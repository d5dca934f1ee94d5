using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>The overview of a unit (default: the province) and a month (default: this month): every KPI as a tile.</summary>
public sealed class IndexModel(OverviewService overview, UnitChoices choices, Catalog catalog, TimeProvider time) : PageModel
{
    public OrgUnit? Unit { get; private set; }
    public DateOnly Month { get; private set; }
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];
    public IReadOnlyList<KpiTile> Tiles { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The month is still running: counts are month-to-date and will grow.</summary>
    public bool IsCurrentMonth => Today.Year == Month.Year && Today.Month == Month.Month;

    public async Task<IActionResult> OnGetAsync(string? unit, string? month, CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(time.GetUtcNow());
        Today = today;
        if (!OverviewMonth.TryParse(month, today, out var chosen))
        {
            return NotFound();
        }

        Month = chosen;

        Unit = catalog.Units.Find(unit ?? catalog.Units.TopOn(Month.AddMonths(1).AddDays(-1)) ?? "");
        if (Unit is null)
        {
            return NotFound();
        }

        Units = choices.For(Month.AddMonths(1).AddDays(-1), Unit);
        Tiles = await overview.TilesAsync(Unit.Code, Month, cancellationToken);
        return Page();
    }

    /// <summary>"▲ 2,4 điểm %" style change, or "—" when either side is missing.</summary>
    public static string Change(double? now, double? before, bool percentage, CultureInfo culture)
    {
        if (now is not { } a || before is not { } b)
        {
            return "—";
        }

        // The arrow follows the change as shown, so a change that rounds to 0 is "=" and not "▲ 0".
        double delta = Math.Round(a - b, percentage ? 1 : 0);
        string arrow = delta > 0 ? "▲" : delta < 0 ? "▼" : "=";
        string amount = Math.Abs(delta).ToString(percentage ? "N1" : "N0", culture);
        return percentage ? $"{arrow} {amount} {UiText.Get("change.points", culture)}" : $"{arrow} {amount}";
    }
}
