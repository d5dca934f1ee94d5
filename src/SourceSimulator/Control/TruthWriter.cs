using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Serving;

namespace KpiMonitor.SourceSimulator.Control;

/// <summary>Writes the truth of a system in the shape of its endpoint, every item on one page.</summary>
internal static class TruthWriter
{
    public static readonly IReadOnlyList<string> Systems = ["eoffice", "onestop", "onestop-dossiers", "antimalware", "portal"];

    /// <summary>Returns false for an unknown system.</summary>
    public static bool TryWrite(Utf8JsonWriter json, SimulatorState state, string system, MonthPeriod period)
    {
        var truth = state.Truth;
        switch (system)
        {
            case "eoffice":
                PagedWriter.WriteAll(json, truth.EOffice(period), EOfficeJson.Write);
                return true;
            case "onestop":
                PagedWriter.WriteAll(json, truth.OneStop(period), OneStopJson.Write);
                return true;
            case "onestop-dossiers":
                PagedWriter.WriteAll(json, truth.OneStopDossiers(period), DossierJson.Write);
                return true;
            case "antimalware":
                PagedWriter.WriteAll(json, truth.AntiMalware(period), AntiMalwareJson.Write);
                return true;
            case "portal":
                PortalEndpoint.WriteData(json, truth.Portal(period), default(BodyFaults));
                return true;
            default:
                return false;
        }
    }
}
