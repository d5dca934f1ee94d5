using System.Text.Json;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;
using static KpiMonitor.Alerts.Tests.Lifecycle.InstanceDriver;

namespace KpiMonitor.Alerts.Tests.History;

/// <summary>A restart through the real SQLite store: what the book appended, read back by a new store instance, rebuilds the same book.</summary>
public sealed class AlertEventLogTests : IDisposable
{
    private static readonly AlertPolicy Policy = new()
    {
        For = 1, KeepFiringFor = 1, RepeatInterval = TimeSpan.FromHours(2), EscalateAfter = TimeSpan.FromHours(3),
    };

    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(6, 30), VietnamTime.Zone);

    // 18:00 in Hà Nội, with ticks below the millisecond that the store's time column cannot hold.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero).AddTicks(1234);

    private static readonly AlertKey BanGiang = new("online-target", "LCU.X.BGI", "online_dossier_rate");
    private static readonly AlertKey NaTam = new("online-target", "LCU.X.NTA", "online_dossier_rate");
    private static readonly AlertKey EOffice = new("source-down", Source: "eoffice");

    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-alert-events-").FullName;
    private readonly List<SqliteTimeSeriesStore> _stores = [];

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task BookRestoredFromANewStoreInstance_HasTheSameStates_AndContinuesWithTheSameEvents()
    {
        string path = Path.Combine(_folder, "alerts.db");
        var clock = new ManualClock(Start);
        var live = new AlertBook(clock, Night);
        var log = new AlertEventLog(Open(path));
        int appended = 0;

        async Task EvaluateAsync(AlertCondition banGiang, AlertCondition naTam, AlertCondition eoffice, TimeSpan then)
        {
            var evaluation = live.Evaluate(Conditions(banGiang, naTam, eoffice), []);
            await log.AppendAsync(evaluation.Events, Ct);
            appended += evaluation.Events.Count;
            clock.Advance(then);
        }

        var first = live.Evaluate(Conditions(Critical(), Warning(), Critical()), []);
        await log.AppendAsync(first.Events, Ct);
        await log.AppendAsync(first.Events, Ct); // a retried append changes nothing
        appended += first.Events.Count;
        clock.Advance(TimeSpan.FromHours(1));
        await EvaluateAsync(Critical(), Warning(), Critical(), TimeSpan.FromMinutes(10));
        var ack = live.Acknowledge(BanGiang, "operator", "Đã gọi điện cho xã Bản Giang");
        await log.AppendAsync(ack.Events, Ct);
        appended += ack.Events.Count;
        clock.Advance(TimeSpan.FromHours(3));
        await EvaluateAsync(Critical(), AlertCondition.Ok(), Critical(), TimeSpan.FromHours(1));
        await EvaluateAsync(Critical(), AlertCondition.Ok(), Critical(), TimeSpan.FromHours(1));

        var restored = await new AlertEventLog(Open(path)).RestoreAsync(clock, Night, Ct);

        Assert.Equal(appended, (await new AlertEventLog(Open(path)).ReadAsync(null, Ct)).Count);
        Assert.Equal([AlertPhase.Firing, AlertPhase.Resolved, AlertPhase.Firing], new[] { BanGiang, NaTam, EOffice }.Select(k => live.Get(k).Phase));
        Assert.NotNull(live.Get(BanGiang).Acknowledged);
        Assert.True(live.Get(EOffice).Escalated);
        Assert.Equal(Json(live), Json(restored));

        clock.Advance(TimeSpan.FromHours(2));
        var liveNext = live.Evaluate(Conditions(Critical(), Warning(), AlertCondition.Ok()), []);
        var restoredNext = restored.Evaluate(Conditions(Critical(), Warning(), AlertCondition.Ok()), []);
        Assert.NotEmpty(liveNext.Events);
        Assert.Equal(JsonSerializer.Serialize(liveNext.Events), JsonSerializer.Serialize(restoredNext.Events));
    }

    [Fact]
    public void StoredForm_HasTheStableTypeName_TheInstanceAsStream_AndTheExactTimeInThePayload()
    {
        AlertEvent fired = new AlertFired(BanGiang, 3, Start, new AlertSnapshot(AlertSeverity.Critical, 30, 50, "Xã Bản Giang: không đạt mục tiêu", Start.AddDays(-2)));

        var stored = AlertEventCodec.ToStored(fired);
        var millisecondsOnly = stored with { Time = DateTimeOffset.FromUnixTimeMilliseconds(stored.Time.ToUnixTimeMilliseconds()) };

        Assert.Equal(("alerts", "online-target/LCU.X.BGI/online_dossier_rate", 3L, "fired"), (stored.Log, stored.Stream, stored.Sequence, stored.Type));
        Assert.Equal(JsonSerializer.Serialize(fired), stored.Payload);
        Assert.Equal(fired, AlertEventCodec.FromStored(millisecondsOnly));
        Assert.Equal(Start, AlertEventCodec.FromStored(millisecondsOnly).At);
    }

    [Fact]
    public void StoredEventThatContradictsItsPayload_IsRefused()
    {
        var stored = AlertEventCodec.ToStored(new AlertPendingHeld(NaTam, 2, Start, 1));

        Assert.Throws<InvalidDataException>(() => AlertEventCodec.FromStored(stored with { Type = "fired" }));
        Assert.Throws<InvalidDataException>(() => AlertEventCodec.FromStored(stored with { Sequence = 3 }));
        Assert.Throws<InvalidDataException>(() => AlertEventCodec.FromStored(stored with { Stream = BanGiang.Id }));
        Assert.Throws<InvalidDataException>(() => AlertEventCodec.FromStored(stored with { Payload = "{\"type\":\"nope\"}" }));
        Assert.IsType<AlertPendingHeld>(AlertEventCodec.FromStored(stored));
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static InstanceCondition[] Conditions(AlertCondition banGiang, AlertCondition naTam, AlertCondition eoffice) =>
        [new(BanGiang, Policy, banGiang), new(NaTam, Policy, naTam), new(EOffice, Policy, eoffice)];

    private static string Json(AlertBook book) => JsonSerializer.Serialize(book.States.OrderBy(s => s.Key.Id, StringComparer.Ordinal));

    private SqliteTimeSeriesStore Open(string path)
    {
        var store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = path }), TestCatalog.Create(), TimeProvider.System);
        _stores.Add(store);
        return store;
    }
}
