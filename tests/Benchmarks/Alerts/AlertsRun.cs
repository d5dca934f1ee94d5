using System.Diagnostics;
using System.Globalization;
using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Alerts.Tests.Delivery;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Benchmarks.Alerts;

/// <summary>
/// One evaluation as the alerting service runs it (<c>AlertingService</c>: change versions, evaluator, the book, events
/// appended, digests, delivery), each stage timed with a stopwatch and printed on one line.
/// </summary>
public sealed class AlertsRun(
    AlertEvaluator evaluator, ITimeSeriesStore store, AlertBook book, AlertEventLog events, RecipientDirectory recipients, IAlertNotifier notifier, SmtpServer smtp)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Milliseconds of each evaluation (versions + evaluate + lifecycle), in order.</summary>
    public List<double> Evaluations { get; } = [];

    public async Task<RoundResult> EvaluateAsync(string label, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var versions = await store.GetChangeVersionsAsync(cancellationToken);
        double versionsMs = Lap(clock);
        var conditions = await evaluator.EvaluateAsync(book, versions, cancellationToken);
        double evaluateMs = Lap(clock);
        var evaluation = book.Evaluate(conditions, []);
        double lifecycleMs = Lap(clock);
        await events.AppendAsync(evaluation.Events, cancellationToken);
        double appendMs = Lap(clock);
        var digests = DigestBuilder.Build(evaluation.Notifications, recipients);
        double digestMs = Lap(clock);
        var before = smtp.Received().Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        clock.Restart();
        if (digests.Count > 0)
        {
            await notifier.DeliverAsync(digests, cancellationToken);
        }

        double deliveryMs = Lap(clock);
        // The Maildir lists files in no particular order: new mails are those with a Message-ID not seen before.
        var received = smtp.Received().Where(m => !before.Contains(m.MessageId)).ToList();
        int mails = received.Count;
        int addresses = received.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).Distinct(StringComparer.Ordinal).Count();
        double total = versionsMs + evaluateMs + lifecycleMs;
        Evaluations.Add(total);
        Console.WriteLine(string.Create(Invariant,
            $"  {label}: {total:0} ms = versions {versionsMs:0} + evaluate {evaluateMs:0} + lifecycle {lifecycleMs:0}; {conditions.Count:N0} conditions, " +
            $"{evaluation.Events.Count:N0} events appended in {appendMs:0} ms, {digests.Count} digests of {evaluation.Notifications.Count:N0} notifications in {digestMs:0} ms, " +
            $"{mails} mails delivered in {deliveryMs:0} ms; managed heap {GC.GetTotalMemory(false) / 1e6:0} MB"));
        return new RoundResult(mails, addresses, digests.Count, digests.Sum(d => d.Items.Count), deliveryMs);
    }

    private static double Lap(Stopwatch clock)
    {
        double ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
