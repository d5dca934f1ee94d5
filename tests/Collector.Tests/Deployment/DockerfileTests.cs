using System.Diagnostics;
using System.Text.RegularExpressions;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.Deployment;

/// <summary>
/// No Docker engine runs here, so each image's build step is run as it is written: the <c>dotnet publish</c> line of every
/// Dockerfile (on the Release build the test command made), and what it publishes is each program's own settings.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> Dockerfiles() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "Dockerfile", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public async Task PublishStep_Succeeds_AndPublishesTheProgramsOwnSettings(string dockerfile)
    {
        var publish = PublishLine().Match(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, dockerfile)));
        Assert.True(publish.Success, $"{dockerfile}: no 'RUN dotnet publish <project> -c Release -o /out' line");
        string project = publish.Groups["project"].Value;
        string output = Directory.CreateTempSubdirectory("kpimonitor-publish-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "--no-build", "-o", output, "-nologo"])
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
            {
                try
                {
                    await process.WaitForExitAsync(limit.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }
            }

            Assert.True(process.ExitCode == 0, $"{dockerfile}: dotnet publish {project} → {process.ExitCode}\n{await stdout}\n{await stderr}");
            string projectFolder = Path.GetDirectoryName(Path.Combine(RepoPaths.Root, project))!;
            var own = Directory.GetFiles(projectFolder, "appsettings*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(own);
            Assert.Equal(own, Directory.GetFiles(output, "appsettings*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (string? name in own)
            {
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(projectFolder, name!)), await File.ReadAllTextAsync(Path.Combine(output, name!)));
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [GeneratedRegex(@"^RUN dotnet publish (?<project>\S+\.csproj) -c Release -o /out\s*$", RegexOptions.Multiline)]
    private static partial Regex PublishLine();
}
