using KpiMonitor.Dashboard.Auth;

namespace KpiMonitor.Dashboard.Tests.Auth;

public sealed class MemorySessionRevocationsTests
{
    [Fact]
    public async Task PastItsCapacity_ItNeverForgetsARevokedSession_ItRefusesOlderSessionsInstead()
    {
        var store = new MemorySessionRevocations(TimeProvider.System);
        var start = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);
        var until = DateTimeOffset.UtcNow.AddHours(8);
        for (int i = 0; i < MemorySessionRevocations.Capacity + 10; i++)
        {
            await store.RevokeAsync("phien-" + i, start.AddSeconds(i), until, CancellationToken.None);
        }

        for (int i = 0; i < MemorySessionRevocations.Capacity + 10; i += 997)
        {
            Assert.True(await store.IsRevokedAsync("phien-" + i, start.AddSeconds(i), CancellationToken.None), "phien-" + i);
        }

        Assert.False(await store.IsRevokedAsync("phien-moi", start.AddSeconds(MemorySessionRevocations.Capacity + 100), CancellationToken.None));
    }
}
