namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>
/// A dossier as numbers, before it becomes strings: statistics count these without formatting a single
/// date, which keeps the 5,000-unit statistics endpoint cheap. Times are local and whole seconds.
/// </summary>
internal readonly record struct DossierFacts(
    Procedure Procedure,
    DateTime ReceivedAt,
    DateTime DueAt,
    DateTime? EndedAt,
    int Channel,
    int Status,
    bool FullOnline,
    bool FeeBearing,
    bool PaidOnline,
    bool Digitised)
{
    public bool Finished => Status is 9 or 10;

    public bool Pending => Status is 2 or 4 or 5 or 6;

    public bool OnTime => Finished && EndedAt <= DueAt;
}
