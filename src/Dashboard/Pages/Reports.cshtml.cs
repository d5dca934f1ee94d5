using System.Globalization;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Reporting;
using KpiMonitor.Reports.Archive;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>
/// The monthly reports (/bao-cao): the archive with its downloads, and for operators and admins a form that queues a
/// report of any unit for any month that has ended. The report is made in the background (<see cref="ReportQueue"/>);
/// the page refreshes itself while a run is under way and shows each stage.
/// </summary>
[Hosting.WithoutWarmup] // the archive's files, not rollups
public sealed class ReportsModel(ReportArchive archive, ReportQueue queue, Catalog catalog, TimeProvider time) : PageModel
{
    /// <summary>Seconds between refreshes while a run is queued or being made.</summary>
    public const int RefreshSeconds = 2;

    public IReadOnlyList<ArchivedReport> Archived { get; private set; } = [];
    public IReadOnlyList<ReportRun> Runs { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> UnitChoices { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string UnitText { get; private set; } = "";
    public string MonthText { get; private set; } = "";
    public Catalog Catalog => catalog;

    public bool CanGenerate => User.IsInRole(Roles.Operator) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MonthText = LastEndedMonth().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        UnitText = catalog.Units.TopOn(VietnamTime.DateOf(time.GetUtcNow())) ?? "";
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? unit, string? month, CancellationToken cancellationToken)
    {
        // A viewer gets 403, not the sign-in page: they are signed in, the action is not theirs.
        if (!CanGenerate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var culture = CultureInfo.CurrentCulture;
        UnitText = unit?.Trim() ?? "";
        MonthText = month?.Trim() ?? "";
        var problems = new List<string>();
        if (!catalog.Units.Contains(UnitText))
        {
            problems.Add(UiText.Format("reports.badUnit", culture, UnitText));
        }

        if (!DateOnly.TryParseExact(MonthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            problems.Add(UiText.Format("reports.badMonth", culture, MonthText));
        }
        else if (first > LastEndedMonth())
        {
            problems.Add(UiText.Format("reports.notPast", culture, first.ToString("MM/yyyy", CultureInfo.InvariantCulture)));
        }

        if (problems.Count == 0 && await queue.TryEnqueueAsync(UnitText, first, User.Identity?.Name ?? "?", cancellationToken) is null)
        {
            problems.Add(UiText.Get("reports.queueFull", culture));
        }

        if (problems.Count > 0)
        {
            Problems = problems;
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return RedirectToPage();
    }

    /// <summary>The first day of the month before the one holding today in Vietnam.</summary>
    public DateOnly LastEndedMonth()
    {
        var today = VietnamTime.DateOf(time.GetUtcNow());
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentCulture;
        Archived = archive.List();
        Runs = await queue.RecentAsync(cancellationToken);
        if (Runs.Any(r => r.Active))
        {
            ViewData["Refresh"] = RefreshSeconds;
        }

        var order = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        UnitChoices = [.. catalog.Units.Units
            .OrderBy(u => catalog.Units.LevelOrder(u.Level))
            .ThenBy(u => u.Name(culture), order)
            .Select(u => (u.Code, u.Name(culture)))];
    }
}
