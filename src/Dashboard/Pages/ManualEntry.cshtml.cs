using System.Globalization;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>
/// Manual figures for operators: the figures stored for a chosen manual KPI with a link to correct each, a form for
/// one KPI, unit and period (pre-filled with the stored figure by <c>?kpi=&amp;unit=&amp;period=</c>) showing only the
/// fields of the KPI's kind, a CSV/Excel upload, and the audit trail. An address naming an unknown KPI or unit or a
/// malformed period gets the page with the reason, status 400.
/// </summary>
[Authorize(Policy = Roles.Operator)]
[Hosting.WithoutWarmup] // reads the store and the audit trail directly, not the rollups
public sealed class ManualEntryModel(ManualEntryService entries, CurrentFigures figures, AuditLog audit, Catalog catalog, TimeProvider time) : PageModel
{
    public IReadOnlyList<KpiDefinition> Kpis { get; private set; } = [];
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    /// <summary>Why a save was refused.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Why the KPI, unit or period the address names could not be opened.</summary>
    public IReadOnlyList<string> QueryProblems { get; private set; } = [];

    /// <summary>A save just succeeded: set by the post, shown once by the page it redirects to.</summary>
    [TempData]
    public bool Saved { get; set; }

    /// <summary>The manual KPI chosen; the stored figures and the form are shown only for one.</summary>
    public KpiDefinition? Kpi { get; private set; }

    /// <summary>The unit chosen; null for every unit the form offers.</summary>
    public OrgUnit? Unit { get; private set; }

    public FigureTable? Table { get; private set; }

    /// <summary>What is stored for the chosen KPI, unit and period, when all three are chosen.</summary>
    public CurrentFigure? Current { get; private set; }

    public string PeriodText { get; private set; } = "";
    public string ValueText { get; private set; } = "";
    public string NumeratorText { get; private set; } = "";
    public string DenominatorText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? kpi, string? unit, string? period, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentCulture;
        var problems = new List<string>();
        LoadChoices();
        if (!string.IsNullOrEmpty(kpi))
        {
            Kpi = Kpis.FirstOrDefault(k => k.Code == kpi);
            if (Kpi is null)
            {
                problems.Add(UiText.Format(catalog.Kpis.Contains(kpi) ? "manual.notManual" : "manual.unknownKpi", culture, kpi));
            }
        }

        if (!string.IsNullOrEmpty(unit))
        {
            Unit = catalog.Units.Find(unit);
            if (Unit is null)
            {
                problems.Add(UiText.Format("manual.unknownUnit", culture, unit));
            }
        }

        DateOnly? day = null;
        if (!string.IsNullOrEmpty(period))
        {
            // A period means nothing without its KPI; an unknown KPI has been reported already.
            if (string.IsNullOrEmpty(kpi))
            {
                problems.Add(UiText.Format("manual.periodNeedsKpi", culture, period));
            }
            else if (Kpi is not null)
            {
                day = ManualPeriod.TryParse(period, Kpi.Period, out var first) ? first : null;
                if (day is null)
                {
                    problems.Add(UiText.Format("manual.badPeriod", culture, period, ManualPeriod.MinYear, ManualPeriod.MaxYear));
                }
            }
        }

        await LoadAsync(day, cancellationToken);
        FillFromStore(culture);
        QueryProblems = problems;
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>
    /// Saves one figure. A saved figure redirects to its own form, which shows it as stored, so refreshing that page
    /// does not post again; a refused one gives the form back with what was typed and the reasons.
    /// </summary>
    public async Task<IActionResult> OnPostEnterAsync(string? kpi, string? unit, string? period, string? value, string? numerator, string? denominator,
        CancellationToken cancellationToken)
    {
        Problems = await entries.EnterAsync(User.Identity!.Name!, kpi, unit, period, value, numerator, denominator, cancellationToken);
        if (Problems.Count == 0)
        {
            Saved = true;
            return RedirectToPage(null, null, new { kpi, unit, period }, "sua");
        }

        LoadChoices();
        Kpi = Kpis.FirstOrDefault(k => k.Code == kpi);
        Unit = string.IsNullOrEmpty(unit) ? null : catalog.Units.Find(unit);
        await LoadAsync(Kpi is not null && ManualPeriod.TryParse(period, Kpi.Period, out var day) ? day : null, cancellationToken);
        // Give back what was typed, to be corrected rather than typed again.
        (PeriodText, ValueText, NumeratorText, DenominatorText) = (period ?? "", value ?? "", numerator ?? "", denominator ?? "");
        return Page();
    }

    /// <summary>Saves a CSV or Excel file of figures; a saved file redirects like a saved figure.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Problems = [UiText.Get("entry.noFile", CultureInfo.CurrentUICulture)];
        }
        else
        {
            await using var stream = file.OpenReadStream();
            Problems = await entries.UploadAsync(User.Identity!.Name!, stream, file.FileName, cancellationToken);
            if (Problems.Count == 0)
            {
                Saved = true;
                return RedirectToPage();
            }
        }

        LoadChoices();
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    /// <summary>This page opened on one figure, its form pre-filled.</summary>
    public string EditLink(CurrentFigure figure) => "/nhap-lieu" + QueryString.Create(new KeyValuePair<string, string?>[]
    {
        new("kpi", Kpi!.Code),
        new("unit", figure.Unit),
        new("period", ManualPeriod.Format(Kpi.Period, figure.Period)),
    }).ToUriComponent() + "#sua";

    /// <summary>The catalogue, for the names of units and KPIs in the tables (<see cref="CatalogText"/>).</summary>
    public Catalog Catalog => catalog;

    private void LoadChoices()
    {
        Kpis = catalog.Kpis.All.Where(ManualEntryService.IsManual).ToList();
        var snapshot = catalog.Units.AsOf(Today);
        Units = snapshot.Roots.SelectMany(r => snapshot.SubtreeOf(r.Code)).Select(catalog.Units.Find).OfType<OrgUnit>().ToList();
    }

    private async Task LoadAsync(DateOnly? period, CancellationToken cancellationToken)
    {
        if (Unit is not null && !Units.Contains(Unit))
        {
            // A unit merged away since still has past figures to correct.
            Units = [.. Units, Unit];
        }

        if (Kpi is not null)
        {
            Table = await figures.RecentAsync(Kpi, Unit is null ? Units.Select(u => u.Code).ToList() : [Unit.Code], Today, cancellationToken);
            if (period is { } day)
            {
                PeriodText = ManualPeriod.Format(Kpi.Period, day);
                Current = Unit is null ? null : await figures.FindAsync(Kpi, Unit.Code, day, cancellationToken);
            }
        }

        Audit = await audit.RecentAsync(50, cancellationToken);
    }

    private void FillFromStore(CultureInfo culture)
    {
        if (Current is { Stored: true } figure)
        {
            ValueText = Kpi!.Kind == KpiKind.Ratio ? "" : FigureText.Input(figure.Value, culture);
            NumeratorText = FigureText.Input(figure.Numerator, culture);
            DenominatorText = FigureText.Input(figure.Denominator, culture);
        }
    }

    private DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());
}
