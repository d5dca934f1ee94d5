using KpiMonitor.Shared.Storage;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>
/// Two collectors of a cluster take turns at one source, each with its own state folder, over one real influxd: the
/// source's health in the store goes on from whichever ran it last, as one collector's would.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SharedSourceHealthTests(SimulatorAndInflux env) : IDisposable
{
    [Fact]
    public async Task RunsTakingTurns_CountFailuresOnAndNeverStepTheLastSuccessBack()
    {
        string database = SimulatorAndInflux.NewDatabase();
        string sources = TestSources.Json(env.Simulator.BaseUrl, "eoffice");
        var a = CollectorHarness.Create(sources, env.Influx.Url.ToString(), database);
        var b = CollectorHarness.Create(sources, env.Influx.Url.ToString(), database);
        try
        {
            var store = (ISourceHealthStore)a.Store;
            async Task<SourceHealth> PollAsync(CollectorHarness collector, bool failing)
            {
                if (failing)
                {
                    env.Simulator.State.Faults.Set("eoffice", FaultMode.Error500);
                }
                else
                {
                    env.Simulator.State.Faults.Clear();
                }

                var summary = await collector.PollAsync("eoffice");
                Assert.Equal(!failing, summary.Succeeded);
                return Assert.Single(await store.GetSourceHealthAsync(CancellationToken.None));
            }

            var firstSuccess = await PollAsync(a, failing: false);
            Assert.Equal(firstSuccess.LastRun, firstSuccess.LastSuccess);
            Assert.Equal(0, firstSuccess.ConsecutiveFailures);

            // b has never run the source itself: its failure is the first after a's success, not a source that never answered.
            var failure = await PollAsync(b, failing: true);
            Assert.Equal((firstSuccess.LastSuccess, 1), (failure.LastSuccess, failure.ConsecutiveFailures));
            failure = await PollAsync(a, failing: true);
            Assert.Equal((firstSuccess.LastSuccess, 2), (failure.LastSuccess, failure.ConsecutiveFailures));
            failure = await PollAsync(b, failing: true);
            Assert.Equal((firstSuccess.LastSuccess, 3), (failure.LastSuccess, failure.ConsecutiveFailures));

            var laterSuccess = await PollAsync(b, failing: false);
            Assert.True(laterSuccess.LastSuccess > firstSuccess.LastSuccess);
            Assert.Equal(0, laterSuccess.ConsecutiveFailures);

            // a's own file still says its success was the first one: the store's later one stands.
            failure = await PollAsync(a, failing: true);
            Assert.Equal((laterSuccess.LastSuccess, 1), (failure.LastSuccess, failure.ConsecutiveFailures));
            Assert.True(failure.LastRun > laterSuccess.LastRun);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            a.DeleteFolder();
            b.DeleteFolder();
        }
    }

    [Fact]
    public async Task ACollectorWhoseClockIsBehind_StillHasItsRunsCounted()
    {
        string database = SimulatorAndInflux.NewDatabase();
        string sources = TestSources.Json(env.Simulator.BaseUrl, "eoffice");
        var a = CollectorHarness.Create(sources, env.Influx.Url.ToString(), database);
        // Three minutes behind: every run it starts is "older" than the other collector's last one.
        var behind = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-3));
        var b = CollectorHarness.Create(sources, env.Influx.Url.ToString(), database, clock: behind);
        try
        {
            var store = (ISourceHealthStore)a.Store;
            Assert.True((await a.PollAsync("eoffice")).Succeeded);
            var success = Assert.Single(await store.GetSourceHealthAsync(CancellationToken.None));

            env.Simulator.State.Faults.Set("eoffice", FaultMode.Error500);
            int expected = 0;
            foreach (var collector in new[] { b, a, b, b })
            {
                Assert.False((await collector.PollAsync("eoffice")).Succeeded);
                var health = Assert.Single(await store.GetSourceHealthAsync(CancellationToken.None));
                Assert.Equal((success.LastSuccess, ++expected), (health.LastSuccess, health.ConsecutiveFailures));
            }

            env.Simulator.State.Faults.Clear();
            behind.Advance(TimeSpan.FromSeconds(5)); // past b's circuit break after its failures, still minutes behind
            var summary = await b.PollAsync("eoffice");
            Assert.True(summary.Succeeded, summary.Error);
            var recovered = Assert.Single(await store.GetSourceHealthAsync(CancellationToken.None));
            Assert.Equal(0, recovered.ConsecutiveFailures);
            Assert.True(recovered.LastSuccess > success.LastSuccess);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            a.DeleteFolder();
            b.DeleteFolder();
        }
    }

    public void Dispose() => env.Simulator.State.Faults.Clear();
}
