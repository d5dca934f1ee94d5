namespace KpiMonitor.Shared.Storage;

/// <summary>
/// The outcome of one write: how many observations were stored, which were refused by validation,
/// and how many the server itself dropped (an InfluxDB 1.x partial write) with its message.
/// </summary>
public sealed record WriteResult(int Written, IReadOnlyList<RejectedObservation> Rejected, int DroppedByServer = 0, string? ServerMessage = null)
{
    /// <summary>Nothing was refused or dropped.</summary>
    public bool IsComplete => Rejected.Count == 0 && DroppedByServer == 0;
}
