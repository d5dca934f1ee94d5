using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;
using static KpiMonitor.Alerts.Tests.Hosting.ServiceFixture;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>The hosted adapter evaluates at start, keeps polling on the real clock, and stops when the host stops.</summary>
public sealed class AlertingBackgroundServiceTests : IDisposable
{
    private readonly ServiceFixture _data = new();

    [Fact]
    public async Task EvaluatesAtStart_ThenAfterADataChange_AndStops()
    {
        _data.Options.ChangePollInterval = TimeSpan.FromMilliseconds(200);
        var service = _data.Service(_data.Notifier());
        using var adapter = new AlertingBackgroundService(service, Options.Create(_data.Options), TimeProvider.System);

        await adapter.StartAsync(Ct);
        await Eventually.WaitUntilAsync(() => service.Status.Evaluations == 1, "the evaluation at start", TimeSpan.FromSeconds(10));
        await _data.WriteBreachesAsync();
        // The service's clock is the fixture's manual one: it moves on, or two evaluations would share a millisecond.
        _data.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => service.Status.Evaluations == 2, "an evaluation after the write", TimeSpan.FromSeconds(10));
        await adapter.StopAsync(Ct);

        Assert.True(adapter.ExecuteTask!.IsCompleted);
        Assert.Null(service.Status.LastError);
    }

    public void Dispose() => _data.Dispose();
}
