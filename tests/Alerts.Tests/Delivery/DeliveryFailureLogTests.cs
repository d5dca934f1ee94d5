using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>The failures the alerting process publishes for dashboards in other processes, over a real SQLite store.</summary>
public sealed class DeliveryFailureLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteStores _stores = new();

    public void Dispose() => _stores.Dispose();

    private static DeliveryFailure Failure(string digest, int attempts, DateTimeOffset at) =>
        new("email", "Văn phòng UBND tỉnh", "vp@laichau.gov.vn", digest, "SmtpCommandException: 550 hộp thư đầy", attempts, at);

    [Fact]
    public async Task AnotherProcess_ReadsTheNewestSnapshot_NewestFailureFirst()
    {
        var clock = new ManualClock(T0);
        var store = _stores.Create(TestCatalog.Create());
        var publisher = new DeliveryFailureLog(store, clock);
        var reader = new DeliveryFailureLog(store, clock);

        Assert.Equal(([], null), await reader.ReadCurrentAsync(CancellationToken.None));
        Assert.True(await publisher.PublishAsync([Failure("a#1→vp", 3, T0)], CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await publisher.PublishAsync([Failure("a#1→vp", 4, T0.AddMinutes(5)), Failure("b#2→vp", 3, T0.AddMinutes(4))], CancellationToken.None));

        var (failures, at) = await reader.ReadCurrentAsync(CancellationToken.None);
        Assert.Equal(["a#1→vp", "b#2→vp"], failures.Select(f => f.DigestId));
        Assert.Equal(4, failures[0].Attempts);
        Assert.Equal("Văn phòng UBND tỉnh", failures[0].Recipient);
        Assert.Equal(T0.AddMinutes(5), at);
    }

    [Fact]
    public async Task Unchanged_IsNotWrittenAgain_UntilADayPasses_AndClearingIsPublishedOnce_AlsoByANewProcess()
    {
        var clock = new ManualClock(T0);
        var store = _stores.Create(TestCatalog.Create());
        var log = new DeliveryFailureLog(store, clock);

        // A new process publishes its first round even when empty: it clears what a previous process left on the page.
        Assert.True(await log.PublishAsync([], CancellationToken.None));
        Assert.False(await log.PublishAsync([], CancellationToken.None));
        Assert.True(await log.PublishAsync([Failure("a#1→vp", 3, T0)], CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await log.PublishAsync([Failure("a#1→vp", 3, T0)], CancellationToken.None));
        clock.Advance(DeliveryFailureLog.Heartbeat);
        Assert.True(await log.PublishAsync([Failure("a#1→vp", 3, T0)], CancellationToken.None));
        Assert.True(await log.PublishAsync([], CancellationToken.None));
        Assert.False(await log.PublishAsync([], CancellationToken.None));

        Assert.Equal(4, (await store.ReadAsync(DeliveryFailureLog.Log, null, CancellationToken.None)).Count);
        Assert.Empty((await log.ReadCurrentAsync(CancellationToken.None)).Failures);
    }
}
