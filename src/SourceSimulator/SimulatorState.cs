using KpiMonitor.SourceSimulator.Auth;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;
using KpiMonitor.SourceSimulator.Serving;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator;

/// <summary>
/// Everything a running simulator holds, for control in-process: switch faults, read counters and
/// tokens, read the truth it serves. The HTTP control endpoints (<c>/_control/…</c>) act on the same object.
/// </summary>
public sealed class SimulatorState
{
    public SimulatorState(SimulatorOptions options, UnitRoster units)
    {
        Options = options;
        Units = units;
        Tokens = new TokenStore(options.Now, options.TokenLifetime);
        Truth = new SimulatorTruth(units, options.Now);
    }

    public SimulatorOptions Options { get; }

    public TimeProvider Time => Options.Now;

    public UnitRoster Units { get; }

    public FaultBook Faults { get; } = new();

    public TokenStore Tokens { get; }

    public RequestStats Stats { get; } = new();

    public SimulatorTruth Truth { get; }

    /// <summary>The anti-malware console's code table (<c>AM.</c> + unit code), as served at <c>/_control/mapping/antimalware.csv</c>.</summary>
    public IReadOnlyList<CodeMapping> AntiMalwareMapping => Units.AntiMalwareMapping;
}
