using System.Globalization;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Reading;
using KpiMonitor.Dashboard.Alerting;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>
/// The alerts page: firing, pending and silenced alerts and the history (a page at a time), filtered by unit, KPI,
/// severity and days (<see cref="AlertFilter"/>). Operators and admins acknowledge and silence; what they do is written
/// to the alert-actions log and takes effect at the alerting service's next evaluation (ADR 011). The dashboard never evaluates.
/// </summary>
[Hosting.WithoutWarmup] // alert events, not rollups
public sealed class AlertsModel(AlertReader reader, AlertActions actions, Catalog catalog, TimeProvider time, IServiceProvider services) : PageModel
{
    public const int PageSize = 50;
    public const int FailuresShown = 10;
    public static readonly string[] Tabs = ["firing", "pending", "silenced", "history"];

    public string Tab { get; private set; } = "firing";
    public AlertFilter Filter { get; private set; } = AlertFilter.None;
    public AlertOverview Overview { get; private set; } = AlertOverview.Empty(DateTimeOffset.UnixEpoch);
    public IReadOnlyList<AlertView> Firing { get; private set; } = [];
    public IReadOnlyList<AlertView> Pending { get; private set; } = [];
    public IReadOnlyList<AlertView> Silenced { get; private set; } = [];
    public IReadOnlyList<AlertHistoryEntry> History { get; private set; } = [];
    public int HistoryTotal { get; private set; }

    /// <summary>The open alerts of the firing, pending or silenced tab on the page shown (130,000 are never drawn at once).</summary>
    public IReadOnlyList<AlertView> Shown { get; private set; } = [];

    /// <summary>How many rows the tab has over all its pages.</summary>
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<string> QueryProblems { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<DeliveryFailure> Failures { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> UnitChoices { get; private set; } = [];
    public IReadOnlyList<KpiDefinition> Kpis => catalog.Kpis.All;
    public Catalog Catalog => catalog;

    /// <summary>Which action was just written ("ack", "silence"), shown once by the page the post redirects to.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The values typed into a refused form, given back to be corrected.</summary>
    public string NoteText { get; private set; } = "";
    public string UntilText { get; private set; } = "";

    public bool CanAct => User.IsInRole(Roles.Operator) || User.IsInRole(Roles.Admin);

    // "page" is the Razor Pages route value naming the page itself, so the history page number travels as "trang".
    public async Task<IActionResult> OnGetAsync(string? tab, string? unit, string? kpi, string? severity, string? from, string? to, int? trang,
        CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentCulture;
        Filter = AlertFilter.Parse(unit, kpi, severity, from, to, catalog, culture, out var problems);
        var found = problems.Select(p => p.Problem).ToList();
        if (tab is not null && !Tabs.Contains(tab))
        {
            found.Add(UiText.Format("alerts.badTab", culture, tab));
        }
        else
        {
            Tab = tab ?? "firing";
        }

        if (trang is < 1)
        {
            found.Add(UiText.Format("alerts.badPage", culture, trang));
        }

        QueryProblems = found;
        if (found.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(trang is > 0 ? trang.Value : 1, cancellationToken);
        return Page();
    }

    /// <summary>Acknowledges a firing alert with a note (operators and admins).</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(string? key, string? note, string? tab, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var culture = CultureInfo.CurrentCulture;
        var problems = new List<string>();
        var overview = await reader.GetAsync(cancellationToken);
        var alert = string.IsNullOrWhiteSpace(key) ? null : overview.Find(key);
        if (alert is not { Phase: AlertPhase.Firing })
        {
            problems.Add(UiText.Get("alerts.ackGone", culture));
        }

        AlertActionForm.CheckNote(note, problems, culture);
        if (problems.Count > 0)
        {
            return await RefusedAsync(tab, problems, note, null, cancellationToken);
        }

        await actions.AcknowledgeAsync(alert!.Key, User.Identity!.Name!, note!.Trim(), cancellationToken);
        return Written("ack", tab);
    }

    /// <summary>Silences the alerts of a unit and/or a KPI until a Vietnamese local time (operators and admins).</summary>
    public async Task<IActionResult> OnPostSilenceAsync(string? unit, string? kpi, string? until, string? note, string? tab, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var culture = CultureInfo.CurrentCulture;
        var problems = new List<string>();
        var silence = AlertActionForm.CheckSilence(unit, kpi, until, time.GetUtcNow(), catalog, problems, culture);
        AlertActionForm.CheckNote(note, problems, culture);
        if (silence is not { } chosen || problems.Count > 0)
        {
            return await RefusedAsync(tab, problems, note, until, cancellationToken);
        }

        await actions.SilenceAsync(chosen.Unit, chosen.Kpi, chosen.Until, User.Identity!.Name!, note!.Trim(), cancellationToken);
        return Written("silence", tab);
    }

    /// <summary>This page for another tab, history page or filter.</summary>
    public string Link(string tab, int page = 1) => "/canh-bao" + QueryString.Create(
        Filter.Parameters().Prepend(new("tab", tab)).Concat(page > 1 ? [new("trang", page.ToString(CultureInfo.InvariantCulture))] : [])).ToUriComponent();

    /// <summary>The history download with the filters in force.</summary>
    public string DownloadQuery => QueryString.Create(Filter.Parameters()).ToUriComponent();

    /// <summary>The silence form's default end: tomorrow at this time, as the datetime-local field writes it.</summary>
    public string DefaultUntil => UntilText.Length > 0 ? UntilText
        : VietnamTime.ToLocal(time.GetUtcNow().AddDays(1)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private RedirectResult Written(string what, string? tab)
    {
        reader.Invalidate();
        Done = what;
        return Redirect("/canh-bao" + QueryString.Create("tab", Tabs.Contains(tab) ? tab! : "firing").ToUriComponent());
    }

    private async Task<IActionResult> RefusedAsync(string? tab, IReadOnlyList<string> problems, string? note, string? until, CancellationToken cancellationToken)
    {
        Tab = Tabs.Contains(tab) ? tab! : "firing";
        Problems = problems;
        (NoteText, UntilText) = (note ?? "", until ?? "");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentCulture;
        var today = VietnamTime.DateOf(time.GetUtcNow());
        Overview = await reader.GetAsync(cancellationToken);
        var open = Filter.Apply(Overview.Open, catalog, today).ToList();
        Firing = open.Where(a => a.Phase == AlertPhase.Firing).ToList();
        Pending = open.Where(a => a.Phase == AlertPhase.Pending).ToList();
        Silenced = open.Where(a => a.Silenced).ToList();
        var history = Filter.Apply(Overview.History, catalog, today);
        int total = 0;
        var shown = new List<AlertHistoryEntry>(PageSize);
        foreach (var entry in history)
        {
            if (total >= (page - 1) * PageSize && shown.Count < PageSize)
            {
                shown.Add(entry);
            }

            total++;
        }

        History = shown;
        HistoryTotal = total;
        var list = Tab switch { "pending" => Pending, "silenced" => Silenced, _ => Firing };
        Total = Tab == "history" ? HistoryTotal : list.Count;
        PageNumber = Math.Min(page, PageCount);
        Shown = list.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        var units = Overview.Open.Select(a => a.Key.Unit).Concat(Overview.History.Select(e => e.Key.Unit)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (Filter.Unit is { } chosen)
        {
            units.Add(chosen);
        }

        var order = StringComparer.Create(culture, false);
        UnitChoices = units.Select(u => (u, catalog.UnitName(u, culture))).OrderBy(u => catalog.Units.LevelOrder(catalog.Units.Find(u.u)?.Level ?? ""))
            .ThenBy(u => u.Item2, order).ToList();
        Failures = services.GetService<DeliveryFailures>()?.Snapshot() ?? [];
    }
}
