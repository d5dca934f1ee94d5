using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using KpiMonitor.Shared.Telemetry;
using KpiMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>
/// Self-monitoring: a real poll of the simulator into a real influxd is counted by the KpiMonitor meter, traced from the
/// source request to the store write, exported over OTLP to a receiver that reads the requests as they arrive, and
/// served for a Prometheus scrape.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TelemetryTests(SimulatorAndInflux env)
{
    [Fact]
    public void Exporters_ListenToTheMeterAndSourceTheProcessesMeasureWith()
    {
        // Logging cannot see Shared (ADR 010), so the name is written in both; a rename of one alone would export nothing.
        Assert.Equal(KpiMonitorTelemetry.Name, KpiMonitor.Logging.Telemetry.TelemetryServiceCollectionExtensions.SourceName);
    }

    [Fact]
    public async Task APoll_IsMeasured_AndTracedFromTheSourceRequestToTheStoreWrite()
    {
        var measured = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KpiMonitorTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        meters.Start();
        var activities = new ConcurrentBag<Activity>();
        using var traces = new ActivityListener
        {
            ShouldListenTo = s => s.Name is KpiMonitorTelemetry.Name or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(traces);

        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var (code, output) = await harness.RunOnceAsync();
            Assert.True(code == 0, output);
            meters.RecordObservableInstruments();
        }

        harness.DeleteFolder();
        Assert.Contains(measured, m => m.Instrument == "kpimonitor.collector.polls" && m.Value == 1
            && (string?)m.Tags[KpiMonitorTelemetry.SourceTag] == "eoffice" && (string?)m.Tags[KpiMonitorTelemetry.OutcomeTag] == "success");
        Assert.Contains(measured, m => m.Instrument == "kpimonitor.store.points.written" && m.Value > 0 && (string?)m.Tags[KpiMonitorTelemetry.StoreTag] == "influxdb");
        Assert.Contains(measured, m => m.Instrument == "kpimonitor.store.write.duration" && m.Value > 0 && (string?)m.Tags[KpiMonitorTelemetry.OutcomeTag] == "success");
        Assert.Contains(measured, m => m.Instrument == "kpimonitor.collector.spool.depth");
        // One trace holds the poll, its requests to the source and the store write of what it read.
        var polls = activities.Where(a => a.OperationName == "poll eoffice").ToList();
        Assert.Contains(polls, poll =>
            activities.Any(a => a.Source.Name == "System.Net.Http" && a.TraceId == poll.TraceId && a.ParentSpanId != default)
            && activities.Any(a => a.OperationName == "store write" && a.TraceId == poll.TraceId && a.ParentSpanId == poll.SpanId));
    }

    [Fact]
    public async Task WithAnOtlpEndpoint_ThePollsMetricsAndTraceAreExported()
    {
        int port = LoopbackPort.Free();
        using var receiver = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        receiver.Start();
        var received = new ConcurrentDictionary<string, StringBuilder>();
        using var stop = new CancellationTokenSource();
        var receiving = ReceiveAsync(receiver, received, stop.Token);

        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase(),
            extra: new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}/", ["Telemetry:ExportInterval"] = "00:00:01" });
        await using (harness)
        {
            // The host starts these; the harness has no host.
            Assert.NotNull(harness.Services.GetService<MeterProvider>());
            Assert.NotNull(harness.Services.GetService<TracerProvider>());
            var (code, output) = await harness.RunOnceAsync();
            Assert.True(code == 0, output);
        }

        // Disposing the providers flushed what was left.
        await Eventually.WaitUntilAsync(() => Text(received, "/v1/metrics").Contains("kpimonitor.store.write.duration", StringComparison.Ordinal)
            && Text(received, "/v1/traces").Contains("store write", StringComparison.Ordinal), "OTLP requests with the metrics and the trace", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        receiver.Stop();
        await receiving;
        harness.DeleteFolder();

        string metrics = Text(received, "/v1/metrics"), spans = Text(received, "/v1/traces");
        foreach (string name in new[] { "kpimonitor.collector.polls", "kpimonitor.store.points.written", "kpimonitor.store.write.duration", "kpimonitor.collector.spool.depth" })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }

        Assert.Contains("kpimonitor-collector", metrics, StringComparison.Ordinal); // service.name
        Assert.Contains("poll eoffice", spans, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPrometheusPort_AScrapeAfterAPoll_NamesTheMetrics()
    {
        int port = LoopbackPort.Free();
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase(),
            extra: new Dictionary<string, string?> { ["Telemetry:PrometheusPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Telemetry:PrometheusHost"] = "127.0.0.1" });
        string scrape;
        await using (harness)
        {
            // The host starts it; the harness has no host.
            var server = harness.Services.GetRequiredService<KpiMonitor.Logging.Telemetry.PrometheusScrapeService>();
            await server.StartAsync(CancellationToken.None);
            var (code, output) = await harness.RunOnceAsync();
            Assert.True(code == 0, output);
            using var http = new HttpClient();
            scrape = await http.GetStringAsync(server.Url);
            await server.StopAsync(CancellationToken.None);
        }

        harness.DeleteFolder();
        // prometheus-net puts the meter's name before the instrument's.
        foreach (string name in new[] { "kpimonitor_kpimonitor_collector_polls", "kpimonitor_kpimonitor_store_points_written", "kpimonitor_kpimonitor_store_write_duration_count",
            "kpimonitor_kpimonitor_collector_spool_depth" })
        {
            Assert.Matches($"(?m)^{name}[{{ ]", scrape); // a sample, not only its HELP line
        }

        Assert.Contains("kpimonitor_kpimonitor_collector_polls{kpimonitor_outcome=\"success\",kpimonitor_source=\"eoffice\"} 1", scrape, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var all = new Dictionary<string, object?> { [KpiMonitorTelemetry.SourceTag] = null, [KpiMonitorTelemetry.OutcomeTag] = null, [KpiMonitorTelemetry.StoreTag] = null };
        foreach (var (key, value) in tags)
        {
            all[key] = value;
        }

        return all;
    }

    private static string Text(ConcurrentDictionary<string, StringBuilder> received, string path)
    {
        if (!received.TryGetValue(path, out var text))
        {
            return "";
        }

        lock (text)
        {
            return text.ToString();
        }
    }

    /// <summary>Answers every OTLP/HTTP request with 200 and keeps its body (protobuf: names appear as UTF-8 text).</summary>
    private static async Task ReceiveAsync(HttpListener receiver, ConcurrentDictionary<string, StringBuilder> received, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await receiver.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body, cancellationToken);
            var text = received.GetOrAdd(context.Request.Url!.AbsolutePath, _ => new StringBuilder());
            lock (text)
            {
                text.Append(Encoding.UTF8.GetString(body.ToArray()));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
