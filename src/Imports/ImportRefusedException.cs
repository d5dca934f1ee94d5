namespace KpiMonitor.Imports;

/// <summary>A file that cannot be read, with the reason in the reader's language; thrown deep in a reader, caught by <see cref="ManualFigureImporter"/>.</summary>
internal sealed class ImportRefusedException(string reason) : Exception(reason);
