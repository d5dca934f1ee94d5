using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Loads <c>sources.json</c> from the configuration folder, reporting every problem with file and JSON path.</summary>
public static class SourceLoader
{
    /// <summary>File name inside the configuration folder.</summary>
    public const string SourcesFile = "sources.json";

    /// <summary>Loads and validates; throws <see cref="ConfigValidationException"/> listing every problem.</summary>
    public static IReadOnlyList<SourceDefinition> Load(SourceLoadContext context, string fileName = SourcesFile)
    {
        var errors = new List<ConfigError>();
        string file = Path.Combine(context.Directory, fileName);
        using var doc = JsonConfigReader.Parse(file, file, errors);
        if (doc is null)
        {
            throw new ConfigValidationException(errors);
        }

        var sources = SourceFileReader.Read(doc.RootElement, new JsonConfigReader(file, errors), context);
        return errors.Count > 0 ? throw new ConfigValidationException(errors) : sources;
    }
}
