using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Tests.Auth;

/// <summary>Sign-outs shared through the store's event log (ADR 016), on a real SQLite file.</summary>
public sealed class StoreSessionRevocationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-sessions-").FullName;
    private readonly ManualClock _time = new(VietnamTime.StartOf(new DateOnly(2026, 6, 1)));
    private readonly List<IDisposable> _owned = [];

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task AReadUnderWay_DoesNotHoldOtherRequests_AfterTheFirstRead()
    {
        var store = Sqlite();
        var log = new HeldLog(store);
        var here = Revocations(log);
        var started = _time.GetUtcNow().AddMinutes(-5);
        await here.RevokeAsync("a", started, _time.GetUtcNow().AddHours(1), Ct);
        Assert.True(await here.IsRevokedAsync("a", started, Ct)); // the first read

        await Revocations(Sqlite()).RevokeAsync("b", started, _time.GetUtcNow().AddHours(1), Ct); // another replica
        _time.Advance(TimeSpan.FromSeconds(6));
        var release = new TaskCompletionSource();
        log.Hold = release.Task;

        var reading = here.IsRevokedAsync("b", started, Ct).AsTask();
        await Eventually.WaitUntilAsync(() => log.Waiting, "the read did not start", TimeSpan.FromSeconds(10));
        var other = here.IsRevokedAsync("a", started, Ct).AsTask();
        var stillNew = here.IsRevokedAsync("c", started, Ct).AsTask();

        Assert.True(await other.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(await stillNew.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(reading.IsCompleted);
        release.SetResult();
        Assert.True(await reading.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteTimeSeriesStore Sqlite()
    {
        var store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = Path.Combine(_folder, "shared.db") }), TestCatalog.Create(), TimeProvider.System);
        _owned.Add(store);
        return store;
    }

    private StoreSessionRevocations Revocations(IEventLog log)
    {
        var revocations = new StoreSessionRevocations(log, Options.Create(new AuthOptions { SessionCheckInterval = TimeSpan.FromSeconds(5) }), _time,
            new CapturingLogger<StoreSessionRevocations>());
        _owned.Add(revocations);
        return revocations;
    }

    /// <summary>The store's event log, whose reads can be held (a slow server) until a task completes.</summary>
    private sealed class HeldLog(IEventLog inner) : IEventLog
    {
        public Task? Hold { get; set; }

        public bool Waiting { get; private set; }

        public Task AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) => inner.AppendAsync(events, cancellationToken);

        public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string log, DateTimeOffset? since, CancellationToken cancellationToken)
        {
            if (Hold is { } hold)
            {
                Waiting = true;
                await hold.WaitAsync(cancellationToken);
            }

            return await inner.ReadAsync(log, since, cancellationToken);
        }

        public Task MarkSentAsync(string outbox, string id, CancellationToken cancellationToken) => inner.MarkSentAsync(outbox, id, cancellationToken);

        public Task<bool> IsSentAsync(string outbox, string id, CancellationToken cancellationToken) => inner.IsSentAsync(outbox, id, cancellationToken);

        public Task<IReadOnlySet<string>> GetSentAsync(string outbox, CancellationToken cancellationToken) => inner.GetSentAsync(outbox, cancellationToken);
    }
}
