namespace KpiMonitor.Imports;

/// <summary>A file that cannot be read, with the Vietnamese reason; thrown deep in a reader, caught by <see cref="ManualFigureImporter"/>.</summary>
internal sealed class ImportRefusedException(string reason) : Exception(reason);
