using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// The catalogue and sources.json are loaded at start, not at registration: a broken file must still stop the
/// dashboard with exit code 2 and a message naming the file, without a stack trace.
/// </summary>
public sealed class BrokenConfigStartTests : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("kpimonitor-broken-config-").FullName;

    public BrokenConfigStartTests()
    {
        foreach (string file in Directory.GetFiles(RepoPaths.Config, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_config, Path.GetRelativePath(RepoPaths.Config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Theory]
    [InlineData("kpis.json")]
    [InlineData("sources.json")]
    public async Task ABrokenFile_StopsTheStart_NamingTheFile(string file)
    {
        await File.WriteAllTextAsync(Path.Combine(_config, file), "{ \"khong-dong\": ");

        var (exitCode, output) = await PlainDashboardProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Catalog__Directory"] = _config,
        });

        Assert.Equal(2, exitCode);
        Assert.Contains(file, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_config, recursive: true);
}
