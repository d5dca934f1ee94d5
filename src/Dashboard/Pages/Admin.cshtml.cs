using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Dashboard.Demo;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Storage.Influx;
using KpiMonitor.Shared.Storage.Sqlite;
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
        bool english = Localization.Lang.English(HttpContext);
        var kpiOrder = catalog.Kpis.All.Select((k, i) => (k.Code, i)).ToDictionary(k => k.Code, k => k.i, StringComparer.Ordinal);
        Targets = catalog.Targets.All
            .OrderBy(t => kpiOrder.GetValueOrDefault(t.Kpi, int.MaxValue))
            .ThenBy(t => t.Unit is null ? 0 : 1)
            .ThenBy(t => t.Level is null ? -1 : catalog.Units.LevelOrder(t.Level))
            .ThenBy(t => t.FromYear)
            .ToList();
        var accounts = auth.Value.Users.Select(u => new UserAccount { Username = u.Username, DisplayName = u.DisplayName, Role = u.Role }).ToList();
        if (demo.Value.Enabled)
        {
            accounts.AddRange(DemoAccounts.All
                .Where(d => !accounts.Exists(a => string.Equals(a.Username, d.User, StringComparison.OrdinalIgnoreCase)))
                .Select(d => new UserAccount { Username = d.User, DisplayName = $"{d.Name} ({Localization.Ui.T("admin.demoAccount", english)})", Role = d.Role }));
        }

        Accounts = accounts.OrderBy(a => Array.IndexOf(Roles.All, a.Role)).ThenBy(a => a.Username, StringComparer.Ordinal).ToList();
        Store = store is InfluxTimeSeriesStore i ? $"InfluxDB {i.Url} · {influx.Value.Database}" : $"SQLite {Path.GetFullPath(sqlite.Value.Path)}";
    }

    /// <summary>Who a target is for: a unit, a level or everyone.</summary>
    public string Scope(Target target, bool english) =>
        target.Unit is { } unit ? catalog.Units.Find(unit)?.Name(english) ?? unit
        : target.Level is { } level ? catalog.Units.FindLevel(level) is { } l ? (english ? l.NameEn : l.NameVi) : level
        : Localization.Ui.T("admin.everyone", english);

    public string KpiName(string code, bool english) => catalog.Kpis.Find(code) is { } k ? english ? k.NameEn : k.NameVi : code;
}
