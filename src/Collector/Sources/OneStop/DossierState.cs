namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>What a dossier's status code means for the counts (see <see cref="KpiMonitor.Shared.Sources.DossierCodes"/>).</summary>
internal enum DossierState
{
    /// <summary>Finished: counted in the month of its finished date, on time or late.</summary>
    Finished,

    /// <summary>In progress: pending, late once past due.</summary>
    Pending,

    /// <summary>New, refused, withdrawn, stopped: received only.</summary>
    Other,
}
