using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Alerts.Tests.Hosting.ServiceFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>A delivery that failed is repeated; an acknowledgement read again after a restart is not applied twice or to a later episode.</summary>
public sealed class AlertingRecoveryTests : IDisposable
{
    private readonly ServiceFixture _data = new();

    [Fact]
    public async Task FailedDelivery_IsRepeatedAtTheNextPoll_WithoutAnEvaluation_WithTheSameDigests()
    {
        int calls = 0;
        var notifier = _data.Notifier(() => ++calls == 1 ? throw new IOException("kênh gửi không trả lời") : Task.CompletedTask);
        var service = _data.Service(notifier);
        await _data.WriteBreachesAsync();
        await service.PollAsync(Ct);

        Assert.False(await _data.NextEvaluationAsync(service));
        Assert.Equal(2, service.Status.Undelivered);
        Assert.Equal("gửi thông báo: IOException", service.Status.LastError);
        _data.Clock.Advance(_data.Options.ChangePollInterval);
        // Nothing changed and the interval has not passed: no evaluation, yet the owed digests are handed over again.
        Assert.False(await service.PollAsync(Ct));

        var delivered = Assert.Single(notifier.Deliveries);
        Assert.Equal(2, delivered.Count);
        Assert.Equal(0, service.Status.Undelivered);
        Assert.Equal(2, service.Status.Evaluations);
    }

    [Fact]
    public async Task Restart_AfterRecipientsChanged_DoesNotTakeSentNotificationsForUnsent()
    {
        await _data.WriteBreachesAsync();
        var service = _data.Service(_data.Notifier());
        await service.PollAsync(Ct);
        await _data.NextEvaluationAsync(service);
        Assert.Equal(0, service.Status.Undelivered);

        // alerts.json edited: the province's office now has a second address. The sent evaluation's digests would now be
        // built differently (other ids); it is marked done, so it is not rebuilt at all.
        var edited = _data.Setup with
        {
            Config = _data.Setup.Config with
            {
                Recipients = [.. _data.Setup.Config.Recipients, new RecipientEntry(Province, null, [new Contact("Văn thư tỉnh", "email", "vanthu@kpi.test")])],
            },
        };
        var notifier = _data.Notifier();
        var restarted = _data.Service(notifier, setup: edited);
        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        await restarted.PollAsync(Ct);

        Assert.Empty(notifier.Deliveries);
        Assert.Equal(0, restarted.Status.Undelivered);
        Assert.Contains(
            UndeliveredDigestsRound((await _data.Events.ReadAsync(null, Ct)).OfType<AlertNotified>().First().At),
            await _data.Store.GetSentAsync(UndeliveredDigests.Rounds, Ct));
    }

    private static string UndeliveredDigestsRound(DateTimeOffset at) => UndeliveredDigests.RoundOf(at);

    [Fact]
    public async Task Acknowledgement_AfterRestart_IsNotAppliedAgain_NorToTheNextEpisode()
    {
        _data.Options.EvaluationInterval = TimeSpan.FromMinutes(5);
        var service = _data.Service(_data.Notifier());
        await _data.WriteBreachesAsync();
        await service.PollAsync(Ct);
        await _data.NextEvaluationAsync(service);
        await _data.Actions.AcknowledgeAsync(Key(CommuneA), "operator", "Đã biết.", Ct);
        await _data.NextEvaluationAsync(service);

        // Commune A recovers (resolved), then falls again: a new episode that nobody has acknowledged yet.
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, June, 950, 1000, "s"));
        await _data.NextEvaluationAsync(service);
        await _data.NextEvaluationAsync(service);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, June, 400, 1000, "s"));
        await _data.NextEvaluationAsync(service);
        await _data.NextEvaluationAsync(service);
        Assert.Equal(AlertPhase.Firing, (await Restored()).Get(Key(CommuneA)).Phase);

        var restarted = _data.Service(_data.Notifier());
        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await restarted.PollAsync(Ct));

        var stored = await _data.Events.ReadAsync(null, Ct);
        Assert.Single(stored.OfType<AlertAcknowledged>());
        Assert.Contains(stored.OfType<AlertResolved>(), e => e.Key == Key(CommuneA));
        Assert.Null((await Restored()).Get(Key(CommuneA)).Acknowledged);
    }

    [Fact]
    public async Task Actions_RoundTripThroughTheStore_WithVietnameseNotes()
    {
        var until = _data.Clock.GetUtcNow().AddHours(8);
        var ack = await _data.Actions.AcknowledgeAsync(Key(CommuneB), "Nguyễn Thị Hằng", "Đã liên hệ, xã sẽ cập nhật số liệu trước thứ Sáu.", Ct);
        var silence = await _data.Actions.SilenceAsync(null, Ratio, until, "Trần Văn Đức", "Bảo trì hệ thống một cửa.", Ct);

        var read = await _data.Actions.ReadAsync(null, Ct);

        Assert.Equal([ack, silence], read.OrderBy(a => a is SilenceAction ? 1 : 0));
        Assert.Equal(new Silence(silence.Id, until, Kpi: Ratio) { By = "Trần Văn Đức", Note = "Bảo trì hệ thống một cửa." }, silence.ToSilence());
        await Assert.ThrowsAsync<ArgumentException>(() => _data.Actions.SilenceAsync(" ", null, until, "x", "", Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _data.Actions.SilenceAsync(CommuneA, null, _data.Clock.GetUtcNow(), "x", "", Ct));
    }

    private Task<AlertBook> Restored() => _data.Events.RestoreAsync(_data.Clock, null, Ct);

    public void Dispose() => _data.Dispose();
}
