namespace KpiMonitor.Shared.Configuration;

/// <summary>
/// Loads <c>kpis.json</c>, <c>units.json</c> and <c>targets.json</c> from a folder and checks them together.
/// Every problem is collected, then all are thrown at once so one start shows the whole list.
/// </summary>
public static class CatalogLoader
{
    /// <summary>File names inside the configuration folder.</summary>
    public const string KpisFile = "kpis.json", UnitsFile = "units.json", TargetsFile = "targets.json";

    /// <summary>Loads and validates; throws <see cref="ConfigValidationException"/> listing every problem.</summary>
    public static Catalog Load(string directory)
    {
        var errors = new List<ConfigError>();
        string Show(string file) => Path.Combine(directory, file);

        using var kpiDoc = JsonConfigReader.Parse(Show(KpisFile), Show(KpisFile), errors);
        using var unitDoc = JsonConfigReader.Parse(Show(UnitsFile), Show(UnitsFile), errors);
        using var targetDoc = JsonConfigReader.Parse(Show(TargetsFile), Show(TargetsFile), errors);
        if (kpiDoc is null || unitDoc is null || targetDoc is null)
        {
            throw new ConfigValidationException(errors);
        }

        var kpis = KpiFileReader.Read(kpiDoc.RootElement, new JsonConfigReader(Show(KpisFile), errors));
        var units = UnitFileReader.Read(unitDoc.RootElement, new JsonConfigReader(Show(UnitsFile), errors));
        var targets = TargetFileReader.Read(targetDoc.RootElement, new JsonConfigReader(Show(TargetsFile), errors), kpis, units);
        if (errors.Count > 0)
        {
            throw new ConfigValidationException(errors);
        }

        return new Catalog(kpis, units, targets, Path.GetFullPath(directory));
    }
}
