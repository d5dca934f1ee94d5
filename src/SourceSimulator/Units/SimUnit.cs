namespace KpiMonitor.SourceSimulator.Units;

/// <summary>A unit the simulated systems report on.</summary>
/// <param name="Code">The catalogue code (anti-malware prefixes it with <c>AM.</c>).</param>
/// <param name="Name">The Vietnamese name the systems print.</param>
/// <param name="Kind">The size class of its figures.</param>
/// <param name="ValidFrom">First local day it exists, or null.</param>
/// <param name="ValidTo">Last local day it exists, or null.</param>
/// <param name="Hash">Seed-mixed hash of the code: every figure of the unit derives from it.</param>
public sealed record SimUnit(string Code, string Name, UnitKind Kind, DateOnly? ValidFrom, DateOnly? ValidTo, ulong Hash)
{
    /// <summary>Whether the unit exists on a local day.</summary>
    public bool ExistsOn(DateOnly day) => (ValidFrom is null || day >= ValidFrom) && (ValidTo is null || day <= ValidTo);
}
