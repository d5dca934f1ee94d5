namespace KpiMonitor.Shared.Sources;

/// <summary>The kinds of source the collector can read (see docs/source-apis.md).</summary>
public enum SourceKind
{
    /// <summary>e-office statistics per unit and month.</summary>
    EOffice,

    /// <summary>One-stop system: per-unit dossier statistics.</summary>
    OneStopStatistics,

    /// <summary>One-stop system: per-dossier records in the national sync shape.</summary>
    OneStopDossiers,

    /// <summary>Anti-malware console: endpoints enrolled / total per unit.</summary>
    AntiMalware,

    /// <summary>National public-service portal: the 766 index per unit.</summary>
    Portal766,

    /// <summary>Any HTTP JSON system, read through a declarative mapping.</summary>
    HttpJson,

    /// <summary>A folder where people drop CSV or Excel files of manual figures.</summary>
    DropFolder,
}
