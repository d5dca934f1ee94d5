namespace KpiMonitor.Shared.Configuration;

/// <summary>Configuration files are wrong; the message lists every problem found, each with file and JSON path.</summary>
public sealed class ConfigValidationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public ConfigValidationException(IReadOnlyList<ConfigError> errors)
        : base(Format(errors)) => Errors = errors;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Format(IReadOnlyList<ConfigError> errors) =>
        $"Cấu hình không hợp lệ ({errors.Count} lỗi):{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
