using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Dashboard.Demo;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Rollups;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Shared.Targets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>
/// What an administrator looks after: the targets in force, the accounts and their roles, the store and the
/// catalogue in use. All of it lives in configuration files and environment variables (reviewed, versioned,
/// the same on every server), so this page shows it and says where to change it rather than editing it.
/// </summary>
[Authorize(Policy = Roles.Admin)]
[WithoutWarmup]
public sealed class AdminModel(
    Catalog catalog, IOptions<AuthOptions> auth, IOptions<DemoOptions> demo, ITimeSeriesStore store, IOptions<SqliteOptions> sqlite,
    IOptions<InfluxOptions> influx, RollupCache cache, ChartCache charts) : PageModel
{
    public IReadOnlyList<Target> Targets { get; private set; } = [];

    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    public string Store { get; private set; } = "";

    public string CatalogDirectory => catalog.Directory;

    public int KpiCount => catalog.Kpis.All.Count;

    public int UnitCount => catalog.Units.Units.Count;

    public long CachedCells => cache.Cells;

    public long CacheLoads => cache.Loads;

    /// <summary>Rendered chart images kept and reused.</summary>
    public ChartCache Charts => charts;

    public string HashCommand => $"dotnet run --project src/Dashboard -- {PasswordHashCommand.Name}";

    /// <summary>Configured accounts; the demo's own accounts are listed when the demo is on.</summary>
    public void OnGet()
    {
        Targets = catalog.OrderedTargets();
        var accounts = auth.Value.Users.Select(u => new UserAccount { Username = u.Username, DisplayName = u.DisplayName, Role = u.Role }).ToList();
        if (demo.Value.Enabled)
        {
            accounts.AddRange(DemoAccounts.All
                .Where(d => !accounts.Exists(a => string.Equals(a.Username, d.User, StringComparison.OrdinalIgnoreCase)))
                .Select(d => new UserAccount { Username = d.User, DisplayName = d.Name, Role = d.Role }));
        }

        Accounts = accounts.OrderBy(a => Array.IndexOf(Roles.All, a.Role)).ThenBy(a => a.Username, StringComparer.Ordinal).ToList();
        Store = store is InfluxTimeSeriesStore i ? $"InfluxDB {string.Join(", ", i.Urls)} · {influx.Value.Database}" : $"SQLite {Path.GetFullPath(sqlite.Value.Path)}";
    }

    public Catalog Catalog => catalog;
}
