using KpiMonitor.Alerts;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Alerts.Reading;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Tests.Alerting;

/// <summary>The read model over a real SQLite event log; a recording wrapper tells what each refresh asked the store for.</summary>
public sealed class AlertReaderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly AlertKey A = new("r", "LCU.X.BANBO", "online_dossier_rate");
    private static readonly AlertKey B = new("r", "LCU.X.NATAM", "online_dossier_rate");

    private readonly TempSqliteStores _stores = new();
    private readonly ManualClock _clock = new(Start);
    private readonly RecordingLog _log;
    private readonly AlertEventLog _events;
    private readonly AlertActions _actions;
    private readonly AlertReader _reader;

    public AlertReaderTests()
    {
        _log = new RecordingLog(_stores.Create(TestCatalog.Create()));
        _events = new AlertEventLog(_log);
        _actions = new AlertActions(_log, _clock);
        _reader = new AlertReader(_events, _actions, _clock,
            Options.Create(new AlertReadingOptions { RefreshInterval = TimeSpan.FromSeconds(5), Overlap = TimeSpan.FromMinutes(10) }),
            NullLogger<AlertReader>.Instance);
    }

    [Fact]
    public async Task WithinTheRefreshInterval_TheStoreIsNotReadAgain_AfterItOnlyWhatIsNew()
    {
        await _events.AppendAsync(
        [
            new AlertPending(A, 1, Start.AddHours(-5), AlertSeeds.Snapshot(AlertSeverity.Critical, "a")),
            new AlertFired(A, 2, Start.AddHours(-3), AlertSeeds.Snapshot(AlertSeverity.Critical, "a")),
        ], CancellationToken.None);

        var first = await _reader.GetAsync(CancellationToken.None);
        await _events.AppendAsync(AlertSeeds.Pending(B, Start.AddMinutes(1), AlertSeverity.Warning, "b"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var cached = await _reader.GetAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(4));
        var second = await _reader.GetAsync(CancellationToken.None);

        Assert.Same(first, cached);
        Assert.Equal([A], first.Open.Select(a => a.Key));
        Assert.Equal([A, B], second.Open.Select(a => a.Key));
        Assert.Equal(AlertPhase.Firing, second.Open[0].Phase);
        Assert.Equal(1, second.FiringCount);
        // The first read took the whole log; the second only from the newest event seen, less the overlap.
        var reads = _log.Reads.Where(r => r.Log == "alerts").ToList();
        Assert.Equal(2, reads.Count);
        Assert.Null(reads[0].Since);
        Assert.Equal(Start.AddHours(-3).AddMinutes(-10), reads[1].Since);
        Assert.Equal(2, reads[1].Returned); // B's event, and A's newest again through the overlap
        Assert.Equal(3, second.History.Count);
    }

    [Fact]
    public async Task EventsReadTwiceThroughTheOverlap_AreFoldedOnce()
    {
        await _events.AppendAsync(AlertSeeds.Firing(A, Start, AlertSeverity.Critical, "a"), CancellationToken.None);
        await _reader.GetAsync(CancellationToken.None);
        await _events.AppendAsync([new AlertResolved(A, 3, Start.AddMinutes(2), true)], CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var overview = await _reader.GetAsync(CancellationToken.None);

        Assert.Empty(overview.Open);
        Assert.Equal([AlertHistoryKind.Pending, AlertHistoryKind.Fired, AlertHistoryKind.Resolved], overview.History.Select(h => h.Kind));
        Assert.Equal(Start.AddMinutes(2), overview.LastEventAt);
    }

    [Fact]
    public async Task AGapInAStream_MakesTheReaderStartOverFromTheWholeLog()
    {
        await _events.AppendAsync(AlertSeeds.Pending(A, Start, AlertSeverity.Critical, "a"), CancellationToken.None);
        await _events.AppendAsync(AlertSeeds.Pending(B, Start.AddHours(2), AlertSeverity.Critical, "b"), CancellationToken.None);
        await _reader.GetAsync(CancellationToken.None);
        // A's second event stored with a time far before the overlap, its third after: the incremental read sees only the third.
        await _events.AppendAsync([new AlertFired(A, 2, Start.AddMinutes(1), AlertSeeds.Snapshot(AlertSeverity.Critical, "a"))], CancellationToken.None);
        await _events.AppendAsync([new AlertAcknowledged(A, 3, Start.AddHours(3), "canbo", "ok")], CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var overview = await _reader.GetAsync(CancellationToken.None);

        var a = overview.Open.Single(x => x.Key == A);
        Assert.Equal(AlertPhase.Firing, a.Phase);
        Assert.Equal("canbo", a.State.Acknowledged?.By);
        Assert.Null(_log.Reads.Where(r => r.Log == "alerts").Last().Since);
    }

    [Fact]
    public async Task ActionsShow_AnAcknowledgementWaitingForTheService_AndSilencesUntilTheyEnd()
    {
        await _events.AppendAsync(AlertSeeds.Firing(A, Start.AddMinutes(-5), AlertSeverity.Critical, "a"), CancellationToken.None);
        await _actions.AcknowledgeAsync(A, "canbo", "đang xử lý", CancellationToken.None);
        await _actions.SilenceAsync("LCU.X.BANBO", null, Start.AddHours(1), "canbo", "bảo trì", CancellationToken.None);

        var overview = await _reader.GetAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(2));
        var later = await _reader.GetAsync(CancellationToken.None);

        var a = Assert.Single(overview.Open);
        Assert.Equal("đang xử lý", a.RequestedAcknowledgement?.Note);
        Assert.True(a.Silenced);
        Assert.Equal("bảo trì", Assert.Single(overview.Silences).Note);
        Assert.Empty(later.Silences);
        Assert.False(Assert.Single(later.Open).Silenced);
    }

    [Fact]
    public async Task AnAcknowledgementFromAnEarlierEpisode_IsNotShownAsWaiting()
    {
        await _actions.AcknowledgeAsync(A, "canbo", "lần trước", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _events.AppendAsync(AlertSeeds.Firing(A, _clock.GetUtcNow(), AlertSeverity.Critical, "a"), CancellationToken.None);

        var overview = await _reader.GetAsync(CancellationToken.None);

        Assert.Null(Assert.Single(overview.Open).RequestedAcknowledgement);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stores.Dispose();
    }

    private sealed class RecordingLog(IEventLog inner) : IEventLog
    {
        public List<(string Log, DateTimeOffset? Since, int Returned)> Reads { get; } = [];

        public Task AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) => inner.AppendAsync(events, cancellationToken);

        public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string log, DateTimeOffset? since, CancellationToken cancellationToken)
        {
            var read = await inner.ReadAsync(log, since, cancellationToken);
            Reads.Add((log, since, read.Count));
            return read;
        }

        public Task MarkSentAsync(string outbox, string id, CancellationToken cancellationToken) => inner.MarkSentAsync(outbox, id, cancellationToken);

        public Task<bool> IsSentAsync(string outbox, string id, CancellationToken cancellationToken) => inner.IsSentAsync(outbox, id, cancellationToken);

        public Task<IReadOnlySet<string>> GetSentAsync(string outbox, CancellationToken cancellationToken) => inner.GetSentAsync(outbox, cancellationToken);
    }
}
