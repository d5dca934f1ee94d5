namespace KpiMonitor.Testing;

/// <summary>Finds the repository's folders from a test's or benchmark's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Config => Path.Combine(Root, "config");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KpiMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"KpiMonitor.sln not found above {AppContext.BaseDirectory}");
    }
}
