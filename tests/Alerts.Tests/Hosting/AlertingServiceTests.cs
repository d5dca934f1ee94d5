using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Alerts.Tests.Hosting.ServiceFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>
/// <see cref="KpiMonitor.Alerts.Hosting.AlertingService"/> over a real SQLite store under a manual clock: evaluation,
/// events stored before delivery, one digest per recipient, restart, acknowledgement, silence.
/// </summary>
public sealed class AlertingServiceTests : IDisposable
{
    private readonly ServiceFixture _data = new();

    [Fact]
    public async Task FiguresBelowTarget_FireAfterFor_OneDigestPerRecipient_EventsStoredBeforeDelivery()
    {
        var storedAtDelivery = new List<AlertEvent>();
        var notifier = _data.Notifier(async () => storedAtDelivery.AddRange(await _data.Events.ReadAsync(null, Ct)));
        var service = _data.Service(notifier);
        await _data.WriteBreachesAsync();

        Assert.True(await service.PollAsync(Ct));
        Assert.Empty(notifier.Deliveries);
        Assert.True(await _data.NextEvaluationAsync(service));

        var digests = Assert.Single(notifier.Deliveries);
        Assert.Equal([ProvinceMail.Id, CommuneInbox.Id], digests.Select(d => d.Recipient.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            [Key(CommuneA), Key(CommuneB)],
            Items(digests, CommuneInbox).Select(i => i.Key).OrderBy(k => k.Id, StringComparer.Ordinal));
        // The province's mail: its own (rolled-up) breach and both communes' (it is their parent).
        Assert.Equal(3, Items(digests, ProvinceMail).Count);
        Assert.Contains(storedAtDelivery, e => e is AlertFired && e.Key == Key(CommuneA));
        Assert.Contains(storedAtDelivery, e => e is AlertNotified && e.Key == Key(CommuneA));
        Assert.Equal(3, service.Status.Phases[AlertPhase.Firing]);
        Assert.Equal(2, service.Status.Evaluations);
    }

    [Fact]
    public async Task Restart_RestoresFiringState_AndDoesNotNotifyAgain()
    {
        await _data.WriteBreachesAsync();
        var first = _data.Notifier();
        var before = _data.Service(first);
        await before.PollAsync(Ct);
        await _data.NextEvaluationAsync(before);
        Assert.Single(first.Deliveries);

        var again = _data.Notifier();
        var after = _data.Service(again);
        // Not in the millisecond of the last stored evaluation (evaluations are told apart by their time).
        Assert.False(await after.PollAsync(Ct));
        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await after.PollAsync(Ct));
        Assert.True(await _data.NextEvaluationAsync(after));

        Assert.Empty(again.Deliveries);
        Assert.Equal(3, after.Status.Phases[AlertPhase.Firing]);
        Assert.True(after.Status.Restored);
    }

    [Fact]
    public async Task Acknowledged_StopsRepeats_OtherAlertsStillRepeat()
    {
        var notifier = _data.Notifier();
        var service = _data.Service(notifier);
        await _data.WriteBreachesAsync();
        await service.PollAsync(Ct);
        await _data.NextEvaluationAsync(service);

        await _data.Actions.AcknowledgeAsync(Key(CommuneA), "operator", "Đã gọi điện cho xã, đang xử lý.", Ct);
        _data.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await service.PollAsync(Ct));

        var repeats = Items(notifier.Last, CommuneInbox);
        Assert.Equal([Key(CommuneB)], repeats.Select(i => i.Key));
        Assert.Equal(NotificationKind.Repeat, repeats[0].Kind);
        var ack = Assert.Single((await _data.Events.ReadAsync(null, Ct)).OfType<AlertAcknowledged>());
        Assert.Equal((Key(CommuneA), "Đã gọi điện cho xã, đang xử lý."), (ack.Key, ack.Note));
    }

    [Fact]
    public async Task Silenced_Unit_IsNotNotified_ButItsAlertStillFires()
    {
        var notifier = _data.Notifier();
        var service = _data.Service(notifier);
        await _data.Actions.SilenceAsync(CommuneA, null, _data.Clock.GetUtcNow().AddDays(1), "operator", "Xã đang bảo trì hệ thống.", Ct);
        await _data.WriteBreachesAsync();

        await service.PollAsync(Ct);
        await _data.NextEvaluationAsync(service);

        var all = notifier.Deliveries.SelectMany(d => d).SelectMany(d => d.Items).ToList();
        Assert.DoesNotContain(all, i => i.Key == Key(CommuneA));
        Assert.Contains(all, i => i.Key == Key(CommuneB));
        Assert.Contains((await _data.Events.ReadAsync(null, Ct)).OfType<AlertFired>(), e => e.Key == Key(CommuneA));
    }

    [Fact]
    public async Task DataChange_TriggersAnEvaluation_BeforeTheInterval()
    {
        var service = _data.Service(_data.Notifier());
        await _data.WriteBreachesAsync();
        Assert.True(await service.PollAsync(Ct));

        _data.Clock.Advance(_data.Options.ChangePollInterval);
        Assert.False(await service.PollAsync(Ct));

        // Commune A recovers: a collection wrote data, so the next poll evaluates and its pending breach is cancelled.
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, June, 950, 1000, "s"));
        _data.Clock.Advance(_data.Options.ChangePollInterval);
        Assert.True(await service.PollAsync(Ct));
        Assert.Equal(2, service.Status.Evaluations);
        Assert.Contains((await _data.Events.ReadAsync(null, Ct)).OfType<AlertPendingCancelled>(), e => e.Key == Key(CommuneA));
    }

    private static IReadOnlyList<DigestItem> Items(IReadOnlyList<Digest> digests, Contact contact) =>
        digests.Single(d => d.Recipient.Id == contact.Id).Items;

    public void Dispose() => _data.Dispose();
}
