using System.Text.Json;

namespace KpiMonitor.SourceSimulator.Faults;

/// <summary>The JSON names of <see cref="FaultMode"/> and which endpoint each mode makes sense on.</summary>
public static class FaultModes
{
    public static string Name(FaultMode mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());

    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<FaultMode>().Select(Name).ToArray();

    public static bool TryParse(string? name, out FaultMode mode)
    {
        foreach (var candidate in Enum.GetValues<FaultMode>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    /// <summary>
    /// Whether the mode can disturb the endpoint: token expiry only exists where bearer tokens do
    /// (e-office, one-stop), and the token answer has no pages and no ratios.
    /// </summary>
    public static bool AppliesTo(string endpoint, FaultMode mode) => mode switch
    {
        FaultMode.ExpiredToken => endpoint is SimEndpoints.EOffice or SimEndpoints.OneStopStats or SimEndpoints.OneStopDossiers,
        FaultMode.EmptyPage or FaultMode.NumerAboveDenominator => SimEndpoints.IndexOf(endpoint) > 0,
        _ => SimEndpoints.IndexOf(endpoint) >= 0,
    };
}
