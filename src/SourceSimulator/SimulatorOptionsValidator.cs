using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KpiMonitor.SourceSimulator;

/// <summary>Checks the annotations and the rules between settings, for both the configured and the in-code path.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var failures = results.Select(r => $"{SimulatorOptions.Section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}").ToList();
        if (options.Catalog is not null && options.SyntheticUnits > 0)
        {
            failures.Add($"{SimulatorOptions.Section}: set either Catalog or SyntheticUnits, not both.");
        }

        if (string.Equals(options.ClientId, options.ClientSecret, StringComparison.Ordinal))
        {
            failures.Add($"{SimulatorOptions.Section}:ClientSecret: must differ from ClientId.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
