using System.Xml.Linq;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Layering;

/// <summary>
/// ADR 010: the domain and the simulator carry no storage engine, no spreadsheet reader and no log sink. Read from the
/// project files (package and project references, followed through every project referenced), so the rule holds
/// whether or not code happens to use a type.
/// </summary>
public sealed class ProjectLayeringTests
{
    private static readonly string[] HeavyPackages = ["Microsoft.Data.Sqlite", "SQLitePCLRaw.bundle_e_sqlite3", "DocumentFormat.OpenXml", "Serilog"];

    [Theory]
    [InlineData("src/Shared/KpiMonitor.Shared.csproj")]
    [InlineData("src/SourceSimulator/KpiMonitor.SourceSimulator.csproj")]
    [InlineData("src/Charts/KpiMonitor.Charts.csproj")]
    public void Project_CarriesNoStorageEngineSpreadsheetReaderOrLogSink(string project)
    {
        var packages = PackagesOf(Path.Combine(RepoPaths.Root, project));

        Assert.Empty(packages.Intersect(HeavyPackages, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Reports_CarryNoStorageEngineOrLogSink()
    {
        // The report reads the store through Shared's interfaces; OpenXml is its own (DOCX, XLSX), SQLite and Serilog are not.
        var packages = PackagesOf(Path.Combine(RepoPaths.Root, "src/Reports/KpiMonitor.Reports.csproj"));

        Assert.Empty(packages.Intersect(["Microsoft.Data.Sqlite", "SQLitePCLRaw.bundle_e_sqlite3", "Serilog"], StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Reports_ReferenceTheDomainChartsAndAlerts_NoHostAndNoStore()
    {
        // ADR 010: the report counts the month's alerts from the alert events (Alerts), never through a host or a store engine.
        Assert.Equal(["Alerts", "Charts", "Shared"], ProjectReferencesOf("src/Reports/KpiMonitor.Reports.csproj"));
        Assert.DoesNotContain("Reports", ProjectReferencesOf("src/Alerts/KpiMonitor.Alerts.csproj"));
    }

    [Fact]
    public void Shared_ReferencesNoOtherProject()
    {
        var document = XDocument.Load(Path.Combine(RepoPaths.Root, "src/Shared/KpiMonitor.Shared.csproj"));

        Assert.Empty(document.Descendants("ProjectReference"));
    }

    [Fact]
    public void TheStorageProject_IsWhereSqliteIs()
    {
        // The check above must be able to see a package: the storage project's own closure has SQLite.
        Assert.Contains("Microsoft.Data.Sqlite", PackagesOf(Path.Combine(RepoPaths.Root, "src/Storage/KpiMonitor.Storage.csproj")));
    }

    /// <summary>The folders under <c>src/</c> of the projects a project references directly, sorted.</summary>
    private static List<string> ProjectReferencesOf(string project) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileName(Path.GetDirectoryName(((string)r.Attribute("Include")!).Replace('\\', '/'))!))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every package referenced by the project or by a project it references, however deep.</summary>
    private static HashSet<string> PackagesOf(string project)
    {
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out string? path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            var document = XDocument.Load(path);
            foreach (var reference in document.Descendants("PackageReference"))
            {
                packages.Add((string)reference.Attribute("Include")!);
            }

            foreach (var reference in document.Descendants("ProjectReference"))
            {
                string relative = ((string)reference.Attribute("Include")!).Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, relative)));
            }
        }

        return packages;
    }
}
