using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KpiMonitor.SourceSimulator;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Units;
using KpiMonitor.Testing;

namespace KpiMonitor.Benchmarks.Collector;

/// <summary>
/// One national-scale collection cycle: a simulator with 5,000 units serving e-office and one-stop statistics,
/// the real collector process (<c>--once</c>) polling both for the current and previous month into a private
/// influxd. Prints cycle time, points/s, source calls/s and the collector's peak RSS.
/// </summary>
public static class CollectorBenchmark
{
    private const int Units = 5_000;

    public static async Task<int> RunAsync(string[] args)
    {
        int units = args.Length > 1 && args[0] == "--units" ? int.Parse(args[1], CultureInfo.InvariantCulture) : Units;
        string collector = CollectorDll();
        Console.WriteLine($"Bộ thu thập / collector: {collector}");
        await using var influx = await InfluxdServer.StartAsync();
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SyntheticUnits = units }, CancellationToken.None);
        string root = Directory.CreateTempSubdirectory("kpimonitor-bench-collector-").FullName;
        try
        {
            WriteConfig(root, simulator);
            Console.WriteLine($"influxd {influx.Url}, trình mô phỏng / simulator {simulator.BaseUrl}, {units:N0} đơn vị / units");
            long callsBefore = Calls(simulator);
            var (seconds, peakRss, output, exit) = await RunCollectorAsync(collector, root, influx.Url);
            long calls = Calls(simulator) - callsBefore;
            long points = await CountPointsAsync(influx.Url);

            Console.WriteLine(output.TrimEnd());
            Console.WriteLine($"mã thoát / exit code: {exit}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points stored: {points:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points per second: {points / seconds:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source calls: {calls:N0} ({calls / seconds:N1} per second)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collector peak RSS MB: {peakRss / 1024.0 / 1024.0:N1}"));
            Console.WriteLine("goal: cycle < 20 s, peak RSS < 300 MB");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cycle seconds: {seconds:0.00}"));
            return exit;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static long Calls(SimulatorHost simulator) =>
        simulator.State.Stats.Requests(SimEndpoints.EOffice) + simulator.State.Stats.Requests(SimEndpoints.OneStopStats) + simulator.State.Stats.Requests(SimEndpoints.Token);

    /// <summary>Runs <c>collector --once</c> in <paramref name="root"/> (its <c>config</c> folder); time, peak RSS (VmHWM), output, exit code.</summary>
    public static async Task<(double Seconds, long PeakRss, string Output, int Exit)> RunCollectorAsync(string dll, string root, Uri influx,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [dll, "--once"]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Catalog__Directory"] = Path.Combine(root, "config");
        start.Environment["Collector__StateDirectory"] = Path.Combine(root, "state");
        start.Environment["Storage__Influx__Url"] = influx.ToString();
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["KPIMONITOR_EOFFICE_SECRET"] = SimulatorOptions.DemoClientSecret;
        start.Environment["KPIMONITOR_ONESTOP_SECRET"] = SimulatorOptions.DemoClientSecret;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        return (clock.Elapsed.TotalSeconds, peak, await stdout + await stderr, process.ExitCode);
    }

    /// <summary>VmHWM: the most resident memory the process has had so far.</summary>
    public static long HighWaterMark(int pid)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<long> CountPointsAsync(Uri influx)
    {
        using var http = new HttpClient();
        string q = Uri.EscapeDataString("SELECT count(\"numerator\") FROM \"observation\"; SELECT count(\"value\") FROM \"observation\"");
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(influx, $"/query?db=kpimonitor&q={q}")));
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Sum(r => r.TryGetProperty("series", out var s) ? s[0].GetProperty("values")[0][1].GetInt64() : 0);
    }

    private static void WriteConfig(string root, SimulatorHost simulator)
    {
        string config = Path.Combine(root, "config");
        Directory.CreateDirectory(config);
        File.Copy(Path.Combine(RepoPaths.Config, "kpis.json"), Path.Combine(config, "kpis.json"));
        File.WriteAllText(Path.Combine(config, "targets.json"), "{ \"targets\": [] }");
        var units = simulator.State.Units.All.Select(u => new
        {
            code = u.Code,
            nameVi = u.Name,
            level = u.Kind == UnitKind.Department ? "department" : "commune",
            parent = "N",
        });
        File.WriteAllText(Path.Combine(config, "units.json"), JsonSerializer.Serialize(new
        {
            levels = new[] { new { code = "country", nameVi = "Toàn quốc" }, new { code = "department", nameVi = "Sở, ngành" }, new { code = "commune", nameVi = "Cấp xã" } },
            units = new object[] { new { code = "N", nameVi = "Toàn quốc", level = "country" } }.Concat(units),
        }));
        string oauth = """{ "type": "oauth2", "tokenUrl": "auth/realms/lgsp/protocol/openid-connect/token", "clientId": "kpimonitor", "secret": "KPIMONITOR_EOFFICE_SECRET" }""";
        File.WriteAllText(Path.Combine(config, "sources.json"), $$"""
            { "sources": [
              { "code": "eoffice", "nameVi": "Văn bản", "kind": "eoffice", "schedule": "0 0 * * * ?", "baseUrl": "{{simulator.BaseUrl}}", "auth": {{oauth}}, "pageSize": 500, "months": 2 },
              { "code": "onestop", "nameVi": "Một cửa", "kind": "onestop-stats", "schedule": "0 0 * * * ?", "baseUrl": "{{simulator.BaseUrl}}", "auth": {{oauth}}, "pageSize": 500, "months": 2 }
            ] }
            """);
    }

    /// <summary>The collector built in the benchmark's configuration, or a message saying how to build it.</summary>
    public static string CollectorDll()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", "Collector", "bin", configuration, "net10.0", "KpiMonitor.Collector.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Chưa build bộ thu thập ({dll}); chạy: dotnet build src/Collector -c {configuration}");
    }
}
