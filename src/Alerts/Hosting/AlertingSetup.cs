using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Shared.Configuration;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>
/// What the alerting service is built from: <c>alerts.json</c> checked against the catalogue and the source codes of
/// <c>sources.json</c>, both in the catalogue's folder. Loaded at start (<see cref="AlertingServiceCollectionExtensions"/>).
/// </summary>
public sealed record AlertingSetup(AlertConfig Config, IReadOnlyList<string> Sources)
{
    /// <summary>Reads both files; throws <see cref="ConfigValidationException"/> naming the file and the JSON path.</summary>
    public static AlertingSetup Load(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        // No collector here and none of its secrets: schedules and secrets are the collector's to check.
        var sources = SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory)).Select(s => s.Code).ToList();
        var config = AlertConfigLoader.Load(Path.Combine(catalog.Directory, AlertConfigLoader.AlertsFile), catalog, sources);
        return new AlertingSetup(config, sources);
    }
}
