using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Text;
using KpiMonitor.Shared.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>
/// One unit: where it sits, its KPIs this month as tiles, the units below it and how fresh each source's figures
/// of it are. A unit that no longer exists (a district before the 2025 reform) is shown as it stood on its last day.
/// </summary>
public sealed class UnitModel(OverviewService overview, SourceStatusQuery sources, ConfiguredSources configured, Catalog catalog, TimeProvider time,
    KpiMonitor.Alerts.Reading.AlertReader alerts) : PageModel
{
    public OrgUnit? Unit { get; private set; }
    public OrgLevel? Level { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public DateOnly? Ended { get; private set; }
    public IReadOnlyList<OrgUnit> Children { get; private set; } = [];
    public IReadOnlyList<KpiTile> Tiles { get; private set; } = [];

    /// <summary>The month the tiles show: this one, or the last of a unit that no longer exists.</summary>
    public DateOnly Month { get; private set; }
    public IReadOnlyList<SourceActivity> Freshness { get; private set; } = [];

    /// <summary>The open alerts of this unit, every KPI.</summary>
    public IReadOnlyList<KpiMonitor.Alerts.Reading.AlertView> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Unit = catalog.Units.Find(code);
        if (Unit is null)
        {
            return NotFound();
        }

        var today = VietnamTime.DateOf(time.GetUtcNow());
        var day = today;
        if (Unit.ValidTo is { } end && end < today)
        {
            Ended = end;
            day = end;
        }

        var snapshot = catalog.Units.AsOf(day);
        Level = catalog.Units.FindLevel(Unit.Level);
        Parent = snapshot.ParentOf(Unit.Code);
        Children = snapshot.ChildrenOf(Unit.Code)
            .OrderBy(u => catalog.Units.LevelOrder(u.Level))
            .ThenBy(u => u.NameVi, StringComparer.Create(Cultures.Vietnamese, false))
            .ToList();
        Month = new DateOnly(day.Year, day.Month, 1);
        Tiles = await overview.TilesAsync(Unit.Code, Month, cancellationToken);
        Freshness = await sources.ForUnitAsync(Unit.Code, cancellationToken);
        Alerts = (await alerts.TryGetAsync(cancellationToken))?.Open.Where(a => a.Key.Unit == Unit.Code).ToList() ?? [];
        return Page();
    }

    /// <summary>The configured source's name, or its code for figures from elsewhere (a manual import, an old source).</summary>
    public string SourceName(string code) => configured.Find(code)?.NameVi ?? code;
}
