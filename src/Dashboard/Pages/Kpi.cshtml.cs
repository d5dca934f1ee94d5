using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>
/// One KPI for one unit: its trend against the target, and its children ranked this period with their movement
/// since the last, filtered by level and sorted as the reader chose (see <see cref="ChildTableQuery"/>). A
/// parameter value the page never offers (months, grain, sort, dir, level) is answered with the friendly 404.
/// </summary>
public sealed class KpiModel(ChildRanking ranking, Catalog catalog, TimeProvider time, KpiMonitor.Alerts.Reading.AlertReader alerts) : PageModel
{
    private const int DefaultMonths = 24;
    private const string DefaultGrain = "month";

    public KpiDefinition? Kpi { get; private set; }
    public OrgUnit? Unit { get; private set; }
    public int Months { get; private set; } = DefaultMonths;
    public string Grain { get; private set; } = DefaultGrain;
    public ChildTableQuery Query { get; private set; } = ChildTableQuery.Default;
    public ChildTable? Table { get; private set; }

    /// <summary>The open alerts of this KPI for this unit.</summary>
    public IReadOnlyList<KpiMonitor.Alerts.Reading.AlertView> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string? unit, int? months, string? grain, string? sort, string? dir, string? level,
        CancellationToken cancellationToken)
    {
        Kpi = catalog.Kpis.Find(code);
        Unit = catalog.Units.Find(catalog.Or(unit, time));
        if (Kpi is null || Unit is null || months is not (null or 12 or 24 or 36) || grain is not (null or "month" or "quarter")
            || !ChildTableQuery.TryParse(sort, dir, level, catalog.Units, out var query))
        {
            return NotFound();
        }

        Months = months ?? DefaultMonths;
        Grain = grain ?? DefaultGrain;
        Query = query;
        // No period parameter: the table ranks the period running today.
        Table = await ranking.TableAsync(Kpi, Unit, VietnamTime.DateOf(time.GetUtcNow()), query, CultureInfo.CurrentCulture, cancellationToken);
        Alerts = (await alerts.TryGetAsync(cancellationToken))?.Open.Where(a => a.Key.Kpi == Kpi.Code && a.Key.Unit == Unit.Code).ToList() ?? [];
        return Page();
    }

    /// <summary>This page for another table choice, keeping the unit and the chart's months and grain.</summary>
    public string TableLink(ChildTableQuery query) => $"/chi-tieu/{Kpi!.Code}" + WithUnit(Unit!, ChartParameters().Concat(query.Parameters()));

    /// <summary>The trend chart's PNG for the chosen months and grain, standard or wide (see <see cref="Charts.TrendChartSize"/>).</summary>
    public string ChartLink(bool wide) =>
        $"/bieu-do/xu-huong/{Kpi!.Code}.png?unit={Uri.EscapeDataString(Unit!.Code)}&months={Months.ToString(System.Globalization.CultureInfo.InvariantCulture)}&grain={Grain}"
        + (wide ? "&size=wide" : "");

    /// <summary>The download of the table as the reader sees it.</summary>
    public string DownloadLink(string format) => $"/chi-tieu/{Kpi!.Code}/xuat.{format}" + WithUnit(Unit!, Query.Parameters());

    /// <summary>The same KPI for a child, keeping the chart's months and grain (the child's own children differ, so not the table's).</summary>
    public string ChildLink(OrgUnit child) => $"/chi-tieu/{Kpi!.Code}" + WithUnit(child, ChartParameters());

    /// <summary>"ascending" or "descending" on the sorted column's header, for screen readers; null on the others.</summary>
    public string? AriaSort(ChildSort column) => Query.Sort == column ? (Query.Descending ? "descending" : "ascending") : null;

    public string SortArrow(ChildSort column) => Query.Sort == column ? (Query.Descending ? " ↓" : " ↑") : "";

    /// <summary>What the rank change compares with: the previous month, quarter or year.</summary>
    public string MovementPeriod(CultureInfo culture) => UiText.Get(UiText.VersusPrevious(Table?.Period ?? PeriodGranularity.Month), culture);

    /// <summary>"▲2", "▼1", "=" or nothing, from <see cref="KpiRow.Movement"/>.</summary>
    public static string Movement(int? places) => places switch
    {
        > 0 => $"▲{places}",
        < 0 => $"▼{-places}",
        0 => "=",
        _ => "",
    };

    private static string WithUnit(OrgUnit unit, IEnumerable<KeyValuePair<string, string?>> parameters) =>
        QueryString.Create(parameters.Prepend(new("unit", unit.Code))).ToUriComponent();

    private IEnumerable<KeyValuePair<string, string?>> ChartParameters()
    {
        if (Months != DefaultMonths)
        {
            yield return new("months", Months.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Grain != DefaultGrain)
        {
            yield return new("grain", Grain);
        }
    }
}
