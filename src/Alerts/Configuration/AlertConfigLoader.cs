using KpiMonitor.Shared.Configuration;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>
/// Loads <c>alerts.json</c> and checks it against the catalogue (KPIs, units, levels) and the source codes.
/// Every problem is collected, then all are thrown at once, each with the file and the JSON path.
/// </summary>
public static class AlertConfigLoader
{
    /// <summary>File name inside the configuration folder.</summary>
    public const string AlertsFile = "alerts.json";

    /// <summary>Loads and validates; throws <see cref="ConfigValidationException"/> listing every problem.</summary>
    public static AlertConfig Load(string file, Catalog catalog, IReadOnlyCollection<string> sources)
    {
        var errors = new List<ConfigError>();
        using var doc = JsonConfigReader.Parse(file, file, errors);
        if (doc is null)
        {
            throw new ConfigValidationException(errors);
        }

        var config = AlertFileReader.Read(doc.RootElement, new JsonConfigReader(file, errors), catalog, sources);
        return errors.Count > 0 ? throw new ConfigValidationException(errors) : config;
    }
}
