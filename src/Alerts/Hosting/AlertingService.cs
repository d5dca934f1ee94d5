using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>
/// The one alerting service of ADR 011. <see cref="PollAsync"/>, called every <see cref="AlertingOptions.ChangePollInterval"/>,
/// rebuilds the book and the digests still unsent from the stored events first, hands those digests to the notifier again,
/// then evaluates when <see cref="AlertingOptions.EvaluationInterval"/> has passed or any KPI's change version moved (a
/// collection wrote data). An evaluation applies the operators' actions, appends its events and only then delivers the
/// digests. A failure is logged once and the next poll runs again.
/// </summary>
public sealed class AlertingService(
    AlertingSetup setup,
    AlertEvaluator evaluator,
    RecipientDirectory recipients,
    AlertEventLog events,
    IEventLog log,
    AlertActions actions,
    ITimeSeriesStore store,
    IAlertNotifier notifier,
    IOptions<AlertingOptions> options,
    TimeProvider time,
    ILogger<AlertingService> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly UndeliveredDigests _undelivered = new(log, recipients);
    private OperatorInbox _inbox = new(actions);
    private AlertBook? _book;
    private IReadOnlyDictionary<string, long>? _versions;
    private DateTimeOffset? _lastEvaluationAt;
    private string? _lastRound;
    private DateTimeOffset? _lastErrorAt;
    private string? _lastError;
    private int _evaluations;
    private IReadOnlyDictionary<AlertPhase, int>? _phases;
    private string _stage = "";

    /// <summary>The state for a health check (safe to read while an evaluation runs: the phases are counted after each).</summary>
    public AlertingStatus Status =>
        new(_phases is not null, _lastEvaluationAt, _evaluations, _lastErrorAt, _lastError, _phases ?? new Dictionary<AlertPhase, int>(), _undelivered.Count);

    /// <summary>
    /// Hands the undelivered digests to the notifier again, then evaluates if due (never evaluated, interval passed, data
    /// changed); returns whether an evaluation completed.
    /// Failures are logged and recorded in <see cref="Status"/>, never thrown; only cancellation ends a poll early.
    /// </summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        _stage = "khôi phục trạng thái";
        try
        {
            if (_book is null)
            {
                var stored = await events.ReadAsync(since: null, cancellationToken);
                _book = AlertBook.Restore(time, setup.Config.QuietHours, stored);
                _phases = CountPhases(_book);
                _lastRound = stored.Count > 0 ? UndeliveredDigests.RoundOf(stored.Max(e => e.At)) : null;
                _stage = "tìm thông báo chưa gửi";
                await _undelivered.RestoreAsync(stored.OfType<AlertNotified>(), cancellationToken);
            }

            // Every poll, not only when an evaluation happens to produce digests: a channel back up is used at once.
            if (_undelivered.Count > 0)
            {
                _stage = "gửi lại thông báo";
                await DeliverAsync(_undelivered.Digests, cancellationToken);
            }

            _stage = "đọc phiên bản dữ liệu";
            var versions = await store.GetChangeVersionsAsync(cancellationToken);
            if (!IsDue(versions))
            {
                return false;
            }

            await EvaluateAsync(_book, versions, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _lastErrorAt = time.GetUtcNow();
            _lastError = $"{_stage}: {ex.GetType().Name}";
            CountEvaluation(succeeded: false);
            logger.LogError(ex, "Lần đánh giá cảnh báo thất bại ở bước {Stage}; lần sau sẽ chạy lại", _stage);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static Dictionary<AlertPhase, int> CountPhases(AlertBook book) =>
        book.States.GroupBy(s => s.Phase).ToDictionary(g => g.Key, g => g.Count());

    // An evaluation's notifications are told apart by their time (UndeliveredDigests), so two evaluations never share a
    // millisecond, also not the last one before a restart and the first one after it.
    private bool IsDue(IReadOnlyDictionary<string, long> versions)
    {
        var now = time.GetUtcNow();
        return UndeliveredDigests.RoundOf(now) != _lastRound
            && (_lastEvaluationAt is not { } last || now - last >= options.Value.EvaluationInterval || Changed(versions));
    }

    private static void CountEvaluation(bool succeeded) =>
        KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.AlertEvaluations.Add(1,
            new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.OutcomeTag, KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.Outcome(succeeded)));

    private bool Changed(IReadOnlyDictionary<string, long> versions) =>
        _versions is null
        || versions.Count != _versions.Count
        || versions.Any(v => _versions.GetValueOrDefault(v.Key, -1) != v.Value);

    private async Task EvaluateAsync(AlertBook book, IReadOnlyDictionary<string, long> versions, CancellationToken cancellationToken)
    {
        _stage = "đánh giá dữ liệu";
        var now = time.GetUtcNow();
        var conditions = await evaluator.EvaluateAsync(book, versions, cancellationToken);
        _stage = "đọc thao tác của cán bộ vận hành";
        var (acknowledgements, silences) = await _inbox.ReadAsync(now, cancellationToken);

        // Everything read: from here the book changes, and it is kept only if the store records the same changes.
        var decided = new List<AlertEvent>();
        foreach (var ack in acknowledgements)
        {
            // An acknowledgement made before the alert last fired was for an earlier episode (or was applied before a restart).
            if (book.Get(ack.Key) is { Phase: AlertPhase.Firing, Acknowledged: null, FiredAt: { } firedAt } && ack.At >= firedAt)
            {
                decided.AddRange(book.Acknowledge(ack.Key, ack.By, ack.Note).Events);
            }
        }

        var evaluation = book.Evaluate(conditions, silences);
        decided.AddRange(evaluation.Events);
        _stage = "ghi sự kiện";
        try
        {
            await events.AppendAsync(decided, cancellationToken);
        }
        catch
        {
            // The book is ahead of the store: rebuild it from the store at the next poll and decide again, with the
            // operators' actions read anew (the acknowledgements handed over here were not recorded).
            _book = null;
            _phases = null;
            _inbox = new OperatorInbox(actions);
            throw;
        }

        _versions = versions;
        _phases = CountPhases(book);
        _lastEvaluationAt = now;
        _lastRound = UndeliveredDigests.RoundOf(evaluation.At);
        _evaluations++;
        CountEvaluation(succeeded: true);
        var digests = DigestBuilder.Build(evaluation.Notifications, recipients);
        logger.LogInformation(
            "Đánh giá cảnh báo: {Conditions} điều kiện, {Events} sự kiện, {Digests} bản tin", conditions.Count, decided.Count, digests.Count);
        if (digests.Count > 0)
        {
            _stage = "gửi thông báo";
            _undelivered.Add(evaluation.At, digests);
            await DeliverAsync(digests, cancellationToken);
        }
    }

    // The notifier retries within its round and records what it sent in the outbox; what the outbox does not hold stays
    // undelivered here (and in the stored events), handed over again at the next poll.
    private async Task DeliverAsync(IReadOnlyList<Digest> digests, CancellationToken cancellationToken)
    {
        await notifier.DeliverAsync(digests, cancellationToken);
        _stage = "đọc hộp thư đi";
        await _undelivered.ForgetSentAsync(cancellationToken);
    }
}
