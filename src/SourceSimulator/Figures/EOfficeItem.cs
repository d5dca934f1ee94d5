namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>One unit-month of the e-office statistics endpoint (JSON names are the camelCase of these).</summary>
public sealed record EOfficeItem(
    string UnitCode,
    string UnitName,
    int DocumentsReceived,
    int DocumentsReceivedElectronic,
    int DocumentsSent,
    int DocumentsSentElectronic,
    int DocumentsSentSigned,
    int WorkFiles,
    int WorkFilesOnline);
