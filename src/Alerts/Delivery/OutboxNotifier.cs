using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>
/// Delivers digests through the outbox (ADR 011): a digest recorded as sent in <see cref="Outbox"/> is never sent again,
/// also after a restart; one that fails after its attempts stays unsent, is shown in <see cref="DeliveryFailures"/>
/// and is tried again in the next round (kept here, and offered again by the caller after a restart).
/// </summary>
public sealed partial class OutboxNotifier(
    AlertConfig alerts,
    IEventLog log,
    IEnumerable<IDeliveryChannel> channels,
    DeliveryFailures failures,
    DeliveryFailureLog failureLog,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutboxNotifier> logger) : IAlertNotifier, IDisposable
{
    /// <summary>The outbox the sent-marks go to.</summary>
    public const string Outbox = "alert-outbox";

    private readonly Dictionary<ChannelType, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Type);
    private readonly Dictionary<string, Digest> _pending = new(StringComparer.Ordinal);

    // Delivered, but the store did not take the sent-mark: never sent again, marked as soon as the store answers.
    private readonly HashSet<string> _unmarked = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>Digests that failed and wait for the next round.</summary>
    public int PendingCount => _pending.Count;

    /// <inheritdoc />
    public void Dispose() => _round.Dispose();

    /// <inheritdoc />
    public async Task DeliverAsync(IReadOnlyList<Digest> digests, CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            foreach (var digest in digests)
            {
                _pending.TryAdd(digest.Id, digest);
            }

            // A channel that failed every attempt for one digest gets one attempt per further digest in this round,
            // so 40 recipients behind a dead server do not hold the evaluation for 40 backoff series.
            var failing = new HashSet<string>(StringComparer.Ordinal);
            await MarkOwedAsync(cancellationToken);
            // One read of the outbox per round, not one per digest.
            var sent = await log.GetSentAsync(Outbox, cancellationToken);
            foreach (var digest in _pending.Values.ToList())
            {
                if (sent.Contains(digest.Id) || _unmarked.Contains(digest.Id))
                {
                    _pending.Remove(digest.Id);
                    failures.Clear(digest.Id);
                }
                else if (await TrySendAsync(digest, failing.Contains(digest.Recipient.Channel) ? 1 : options.Value.MaxAttempts, cancellationToken))
                {
                    _pending.Remove(digest.Id);
                    failing.Remove(digest.Recipient.Channel);
                }
                else
                {
                    failing.Add(digest.Recipient.Channel);
                }
            }
        }
        finally
        {
            await EndRoundAsync();
            await PublishFailuresAsync();
            _round.Release();
        }
    }

    // The dashboard may run elsewhere: it learns of failures from the store. A store that refuses is logged, not thrown
    // (the digests themselves are kept and retried regardless).
    private async Task PublishFailuresAsync()
    {
        try
        {
            await failureLog.PublishAsync(failures.Snapshot(), CancellationToken.None);
        }
        catch (TimeSeriesStoreException e)
        {
            LogFailuresNotPublished(e.Message);
        }
    }

    // Closes what the channels kept open for the round (mail sessions), also when the round was cancelled or failed;
    // a channel's own failures to close are its to swallow (the mails were accepted).
    private async Task EndRoundAsync()
    {
        // Not the round's token: a cancelled round still closes its sessions (bounded by the channels' own timeouts).
        foreach (var channel in _channels.Values)
        {
            await channel.EndRoundAsync(CancellationToken.None);
        }
    }

    private static void Count(string channel, bool succeeded) =>
        KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.AlertDeliveries.Add(1, new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.ChannelTag, channel),
            new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.OutcomeTag, KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.Outcome(succeeded)));

    private async Task<bool> TrySendAsync(Digest digest, int maxAttempts, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var contact = digest.Recipient;
        var channel = alerts.Channels.FirstOrDefault(c => c.Code == contact.Channel);
        string error;
        int attempt = 0;
        if (channel is null || !_channels.TryGetValue(channel.Type, out var sender))
        {
            error = $"Kênh {contact.Channel} không có trong cấu hình hoặc chưa có bộ gửi.";
        }
        else
        {
            var backoff = settings.InitialBackoff;
            while (true)
            {
                attempt++;
                try
                {
                    await sender.SendAsync(channel, digest, cancellationToken);
                    Count(contact.Channel, succeeded: true);
                    failures.Clear(digest.Id);
                    LogDelivered(contact.Channel, digest.Id, digest.Items.Count, attempt);
                    await MarkAsync(digest.Id, cancellationToken);
                    return true;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The message only: an exception's data or inner parts could carry a URL with its token.
                    error = $"{e.GetType().Name}: {e.Message}";
                    Count(contact.Channel, succeeded: false);
                    LogAttemptFailed(contact.Channel, digest.Id, attempt, maxAttempts, error);
                }

                if (attempt >= maxAttempts)
                {
                    break;
                }

                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
            }
        }

        int total = failures.AttemptsSoFar(digest.Id) + attempt;
        failures.Record(new DeliveryFailure(contact.Channel, contact.Name, contact.Address, digest.Id, error, total, time.GetUtcNow()));
        LogUndelivered(contact.Channel, digest.Id, total, error);
        return false;
    }

    // A delivered digest is recorded as sent; when the store refuses the mark, it is kept as delivered here (not sent
    // again by this process) and marked at the next round. Only a restart before that could send it once more.
    private async Task MarkAsync(string digestId, CancellationToken cancellationToken)
    {
        try
        {
            await log.MarkSentAsync(Outbox, digestId, cancellationToken);
        }
        catch (TimeSeriesStoreException e)
        {
            _unmarked.Add(digestId);
            LogMarkFailed(digestId, e.Message);
        }
    }

    private async Task MarkOwedAsync(CancellationToken cancellationToken)
    {
        foreach (string digestId in _unmarked.ToList())
        {
            await log.MarkSentAsync(Outbox, digestId, cancellationToken);
            _unmarked.Remove(digestId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bản tin cảnh báo {DigestId} đã gửi nhưng kho dữ liệu chưa ghi nhận đã gửi ({Error}); sẽ ghi lại ở lượt sau, không gửi lại")]
    private partial void LogMarkFailed(string digestId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không ghi được danh sách bản tin cảnh báo chưa gửi vào kho dữ liệu ({Error}); trang cảnh báo sẽ thấy ở lượt sau")]
    private partial void LogFailuresNotPublished(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã gửi bản tin cảnh báo {DigestId} ({Items} mục) qua kênh {Channel} ở lần thử {Attempt}")]
    private partial void LogDelivered(string channel, string digestId, int items, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bản tin cảnh báo {DigestId} qua kênh {Channel}: lần thử {Attempt}/{MaxAttempts} không được: {Error}")]
    private partial void LogAttemptFailed(string channel, string digestId, int attempt, int maxAttempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bản tin cảnh báo {DigestId} qua kênh {Channel} chưa gửi được sau {Attempts} lần thử, giữ lại cho lượt sau: {Error}")]
    private partial void LogUndelivered(string channel, string digestId, int attempts, string error);
}
