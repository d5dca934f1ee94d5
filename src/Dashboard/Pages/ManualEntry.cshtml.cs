using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>Manual figures for operators: a form per KPI, unit and period, a CSV/Excel upload, and the audit trail.</summary>
[Authorize(Policy = Roles.Operator)]
public sealed class ManualEntryModel(ManualEntryService entries, AuditLog audit, Catalog catalog, TimeProvider time) : PageModel
{
    /// <summary>KPIs no system reports: entered by people.</summary>
    private static readonly string[] ManualSources = ["manual", "inventory", "procedure-db"];

    public IReadOnlyList<KpiDefinition> Kpis { get; private set; } = [];
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Saved { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task OnPostEnterAsync(string? kpi, string? unit, string? period, string? value, string? numerator, string? denominator, CancellationToken cancellationToken)
    {
        Problems = await entries.EnterAsync(User.Identity!.Name!, kpi, unit, period, value, numerator, denominator, cancellationToken);
        Saved = Problems.Count == 0;
        await LoadAsync(cancellationToken);
    }

    public async Task OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Problems = ["chưa chọn tệp CSV hoặc Excel (.xlsx)"];
        }
        else
        {
            await using var stream = file.OpenReadStream();
            Problems = await entries.UploadAsync(User.Identity!.Name!, stream, file.FileName, cancellationToken);
            Saved = Problems.Count == 0;
        }

        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Kpis = catalog.Kpis.All.Where(k => ManualSources.Contains(k.SourceSystem)).ToList();
        var snapshot = catalog.Units.AsOf(VietnamTime.DateOf(time.GetUtcNow()));
        Units = snapshot.Roots.SelectMany(r => snapshot.SubtreeOf(r.Code)).Select(catalog.Units.Find).OfType<OrgUnit>().ToList();
        Audit = await audit.RecentAsync(50, cancellationToken);
    }
}
