namespace KpiMonitor.Shared.Configuration;

/// <summary>One problem in a configuration file: which file, where in it (a JSON path) and what is wrong.</summary>
public sealed record ConfigError(string File, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File} {Path}: {Message}";
}
