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
/// rebuilds the book from the stored events first, then evaluates when <see cref="AlertingOptions.EvaluationInterval"/> has
/// passed or any KPI's change version moved (a collection wrote data). An evaluation applies the operators' actions,
/// appends its events and only then delivers the digests. A failure is logged once and the next poll runs again.
/// </summary>
public sealed class AlertingService(
    AlertingSetup setup,
    AlertEvaluator evaluator,
    RecipientDirectory recipients,
    AlertEventLog events,
    AlertActions actions,
    ITimeSeriesStore store,
    IAlertNotifier notifier,
    IOptions<AlertingOptions> options,
    TimeProvider time,
    ILogger<AlertingService> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OperatorInbox _inbox = new(actions);
    private AlertBook? _book;
    private IReadOnlyDictionary<string, long>? _versions;
    private IReadOnlyList<Digest> _undelivered = [];
    private DateTimeOffset? _lastEvaluationAt;
    private DateTimeOffset? _lastErrorAt;
    private string? _lastError;
    private int _evaluations;
    private IReadOnlyDictionary<AlertPhase, int>? _phases;
    private string _stage = "";

    /// <summary>The state for a health check (safe to read while an evaluation runs: the phases are counted after each).</summary>
    public AlertingStatus Status =>
        new(_phases is not null, _lastEvaluationAt, _evaluations, _lastErrorAt, _lastError, _phases ?? new Dictionary<AlertPhase, int>(), _undelivered.Count);

    /// <summary>
    /// Evaluates if due (never evaluated, interval passed, data changed); returns whether an evaluation completed.
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
                _book = await events.RestoreAsync(time, setup.Config.QuietHours, cancellationToken);
                _phases = CountPhases(_book);
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

    private bool IsDue(IReadOnlyDictionary<string, long> versions) =>
        _lastEvaluationAt is not { } last
        || time.GetUtcNow() - last >= options.Value.EvaluationInterval
        || _undelivered.Count > 0
        || _versions is null
        || versions.Count != _versions.Count
        || versions.Any(v => _versions.GetValueOrDefault(v.Key, -1) != v.Value);

    private async Task EvaluateAsync(AlertBook book, IReadOnlyDictionary<string, long> versions, CancellationToken cancellationToken)
    {
        // Digests of an evaluation whose delivery failed: their events are stored, so only this copy can still send them.
        if (_undelivered.Count > 0)
        {
            _stage = "gửi lại thông báo";
            await notifier.DeliverAsync(_undelivered, cancellationToken);
            _undelivered = [];
        }

        _stage = "đánh giá dữ liệu";
        var now = time.GetUtcNow();
        var conditions = await evaluator.EvaluateAsync(book, cancellationToken);
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
        _evaluations++;
        var digests = DigestBuilder.Build(evaluation.Notifications, recipients);
        logger.LogInformation(
            "Đánh giá cảnh báo: {Conditions} điều kiện, {Events} sự kiện, {Digests} bản tin", conditions.Count, decided.Count, digests.Count);
        if (digests.Count > 0)
        {
            _stage = "gửi thông báo";
            _undelivered = digests;
            await notifier.DeliverAsync(digests, cancellationToken);
            _undelivered = [];
        }
    }
}
