namespace KpiMonitor.SourceSimulator.Faults;

/// <summary>Names of the simulated endpoints, as used by the fault switches and the request counters.</summary>
public static class SimEndpoints
{
    public const string Token = "token";
    public const string EOffice = "eoffice";
    public const string OneStopStats = "onestop-stats";
    public const string OneStopDossiers = "onestop-dossiers";
    public const string AntiMalware = "antimalware";
    public const string Portal = "portal";

    public static IReadOnlyList<string> All { get; } = [Token, EOffice, OneStopStats, OneStopDossiers, AntiMalware, Portal];

    /// <summary>Position in <see cref="All"/>, or -1 for an unknown name.</summary>
    public static int IndexOf(string endpoint) => endpoint switch
    {
        Token => 0,
        EOffice => 1,
        OneStopStats => 2,
        OneStopDossiers => 3,
        AntiMalware => 4,
        Portal => 5,
        _ => -1,
    };
}
