namespace KpiMonitor.Storage.Influx;

/// <summary>What splitting a refused batch found: the refused lines in order, and how many requests it took after the first.</summary>
internal sealed record SplitOutcome(IReadOnlyList<RefusedLine> Bad, int Requests);
