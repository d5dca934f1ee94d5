namespace KpiMonitor.SourceSimulator.Units;

/// <summary>One line of a source's mapping table: the source's own code and the catalogue unit it stands for.</summary>
public sealed record CodeMapping(string SourceCode, string UnitCode);
