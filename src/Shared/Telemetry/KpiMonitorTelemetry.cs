using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KpiMonitor.Shared.Telemetry;

/// <summary>
/// KpiMonitor's own metrics and traces for the operators' monitoring stack: one <see cref="Meter"/> and one
/// <see cref="ActivitySource"/>, both named <see cref="Name"/>, with instruments named and unit-ed after the
/// OpenTelemetry semantic conventions (durations in seconds, counts in curly-brace units). The processes export them
/// when an exporter is configured (<c>Telemetry:</c> settings); without one, measuring costs next to nothing.
/// </summary>
public static class KpiMonitorTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "KpiMonitor";

    /// <summary>Attribute naming a source of <c>sources.json</c>.</summary>
    public const string SourceTag = "kpimonitor.source";

    /// <summary>Attribute naming the store engine (<c>influxdb</c> or <c>sqlite</c>).</summary>
    public const string StoreTag = "kpimonitor.store";

    /// <summary>Attribute naming a delivery channel of <c>alerts.json</c>.</summary>
    public const string ChannelTag = "kpimonitor.channel";

    /// <summary>Attribute saying how an operation ended: <c>success</c> or <c>failure</c>.</summary>
    public const string OutcomeTag = "kpimonitor.outcome";

    /// <summary>Attribute saying who asked for a report: <c>schedule</c> or <c>request</c>.</summary>
    public const string TriggerTag = "kpimonitor.trigger";

    /// <summary>The traces: a poll, its source requests (HttpClient) and the store writes of its points.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<object, Func<long>> Spools = new();

    /// <summary>Polls of a source, whatever their outcome (attributes: source, outcome).</summary>
    public static readonly Counter<long> Polls = Meter.CreateCounter<long>("kpimonitor.collector.polls", "{poll}", "Polls of a source");

    /// <summary>Points the store acknowledged (attribute: store).</summary>
    public static readonly Counter<long> PointsWritten = Meter.CreateCounter<long>("kpimonitor.store.points.written", "{point}", "Points written to the store");

    /// <summary>Duration of one write call to the store (attributes: store, outcome).</summary>
    public static readonly Histogram<double> WriteDuration = Meter.CreateHistogram<double>("kpimonitor.store.write.duration", "s", "Duration of a write to the store");

    /// <summary>Evaluations of the alert rules (attribute: outcome).</summary>
    public static readonly Counter<long> AlertEvaluations = Meter.CreateCounter<long>("kpimonitor.alerts.evaluations", "{evaluation}", "Evaluations of the alert rules");

    /// <summary>Deliveries of alert notifications (attributes: channel, outcome).</summary>
    public static readonly Counter<long> AlertDeliveries = Meter.CreateCounter<long>("kpimonitor.alerts.deliveries", "{delivery}", "Deliveries of alert notifications");

    /// <summary>Monthly reports made (attributes: trigger, outcome).</summary>
    public static readonly Counter<long> ReportJobs = Meter.CreateCounter<long>("kpimonitor.reports.jobs", "{report}", "Monthly reports made");

    static KpiMonitorTelemetry() =>
        Meter.CreateObservableGauge("kpimonitor.collector.spool.depth", () => Spools.Values.Sum(depth => depth()), "{point}",
            "Points waiting in the collector's spool");

    /// <summary>Reports <paramref name="depth"/> of <paramref name="spool"/> as the spool depth until <see cref="StopObservingSpool"/>.</summary>
    public static void ObserveSpool(object spool, Func<long> depth) => Spools[spool] = depth;

    /// <summary>Stops reporting a spool (disposed).</summary>
    public static void StopObservingSpool(object spool) => Spools.TryRemove(spool, out _);

    /// <summary>The outcome attribute's value.</summary>
    public static string Outcome(bool succeeded) => succeeded ? "success" : "failure";
}
