namespace KpiMonitor.Shared.Storage;

/// <summary>An observation the store refused before sending it, with the reason in Vietnamese.</summary>
public sealed record RejectedObservation(Observation Observation, string Reason)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Observation.Source}/{Observation.Unit}/{Observation.Kpi} @ {Observation.Time:O}: {Reason}";
}
