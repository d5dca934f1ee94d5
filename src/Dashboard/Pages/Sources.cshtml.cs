using KpiMonitor.Dashboard.Sources;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>Every configured source with its latest run, whether its data is stale and what it has delivered.</summary>
[KpiMonitor.Dashboard.Hosting.WithoutWarmup]
public sealed class SourcesModel(SourceStatusQuery query) : PageModel
{
    public IReadOnlyList<SourceStatus> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sources = await query.AllAsync(cancellationToken);
}
