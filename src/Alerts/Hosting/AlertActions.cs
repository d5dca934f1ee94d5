using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>
/// What the dashboard calls for an operator: each action is written to the <c>alert-actions</c> log and takes effect at
/// the alerting service's next evaluation, which records it in the instance's own events (single writer, ADR 011).
/// </summary>
public sealed class AlertActions(IEventLog log, TimeProvider time)
{
    /// <summary>Acknowledges the firing alert <paramref name="key"/> with a note; repeats and escalation stop.</summary>
    public async Task<AcknowledgeAction> AcknowledgeAsync(AlertKey key, string by, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var action = new AcknowledgeAction(NewId(), time.GetUtcNow(), by, note ?? "", key);
        await log.AppendAsync([AlertActionCodec.ToStored(action)], cancellationToken);
        return action;
    }

    /// <summary>Silences the alerts of a unit and/or a KPI (at least one) until <paramref name="until"/>.</summary>
    public async Task<SilenceAction> SilenceAsync(string? unit, string? kpi, DateTimeOffset until, string by, string note, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unit) && string.IsNullOrWhiteSpace(kpi))
        {
            throw new ArgumentException("Cần chọn đơn vị hoặc chỉ tiêu để tắt cảnh báo.", nameof(unit));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var now = time.GetUtcNow();
        if (until <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "Thời điểm kết thúc phải ở sau hiện tại.");
        }

        var action = new SilenceAction(NewId(), now, by, note ?? "", NullIfBlank(unit), NullIfBlank(kpi), until);
        await log.AppendAsync([AlertActionCodec.ToStored(action)], cancellationToken);
        return action;
    }

    /// <summary>Every action at or after <paramref name="since"/> (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<AlertAction>> ReadAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        (await log.ReadAsync(AlertActionCodec.Log, since, cancellationToken)).Select(AlertActionCodec.FromStored).ToList();

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
