namespace KpiMonitor.Collector.Sources.DropFolder;

/// <summary>The watched folder and the two it keeps processed files in.</summary>
internal sealed record DropFolderPaths(string Root)
{
    public string Done { get; } = Path.Combine(Root, "done");

    public string Failed { get; } = Path.Combine(Root, "failed");
}
