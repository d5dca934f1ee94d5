using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>Each way a source can misbehave: a clear error naming the source, the other source unaffected, nothing wrong stored.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MisbehaviourTests(SimulatorAndInflux env) : IDisposable
{
    private IReadOnlyCollection<string> AllUnits => env.Catalog.Units.Units.Select(u => u.Code).ToList();

    [Theory]
    [InlineData(FaultMode.Error500, "HTTP 500")]
    [InlineData(FaultMode.MalformedJson, "JSON không hợp lệ")]
    [InlineData(FaultMode.Timeout, "không trả lời trong 2 giây")]
    [InlineData(FaultMode.Oversized, "vượt giới hạn")]
    [InlineData(FaultMode.EmptyPage, "trống trong khi tổng số mục")]
    public async Task FailingSource_ReportsWhatAndWhere_WhileTheOtherSourceIsCollected(FaultMode mode, string message)
    {
        env.Simulator.State.Faults.Set("eoffice", mode);
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var (code, output) = await harness.RunOnceAsync();

            Assert.Equal(1, code);
            var line = output.Split('\n').SkipWhile(l => !l.StartsWith("eoffice", StringComparison.Ordinal)).Take(2).ToList();
            Assert.Contains("LỖI", line[0]);
            Assert.Contains(message, line[1]);
            Assert.Contains("nguồn 'eoffice'", line[1]);
            Assert.Empty(await harness.Store.GetLatestAsync("e_document_rate", DateTimeOffset.UtcNow, null, CancellationToken.None));
            Expected.Same(Expected.OneStop(env.Simulator).Where(e => e.Key.Kpi is "online_dossier_rate" or "late_dossiers").ToDictionary(),
                await Expected.StoredAsync(harness.Store, AllUnits, "online_dossier_rate", "late_dossiers"));
        }

        harness.DeleteFolder();
    }

    [Theory]
    [InlineData(FaultMode.MissingFields)]
    [InlineData(FaultMode.WrongTypes)]
    [InlineData(FaultMode.NumerAboveDenominator)]
    public async Task BadRecords_AreRejectedWithSourceUnitAndField_AndEverythingElseIsUsed(FaultMode mode)
    {
        env.Simulator.State.Faults.Set("onestop-stats", mode);
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "onestop"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var summary = await harness.PollAsync("onestop");
            var (code, output) = await harness.RunOnceAsync();

            Assert.True(summary.Succeeded, summary.Error);
            Assert.True(summary.RejectedRecords > 0);
            Assert.All(summary.Problems, p => Assert.Matches("^nguồn 'onestop', đơn vị '[^']+', trường '[^']+': .+", p));
            Assert.Contains("bị loại", output);

            // Every stored figure is exactly what was served; a rejected record leaves its unit and month out whole.
            var expected = Expected.OneStop(env.Simulator);
            string[] kpis = ["online_dossier_rate", "full_online_dossier_rate", "on_time_rate", "late_dossiers", "dossiers_received", "dossiers_pending", "digitization_rate", "online_payment_rate"];
            var stored = await Expected.StoredAsync(harness.Store, AllUnits, kpis);
            Assert.All(stored, s => Assert.Equal(expected[s.Key], s.Value));
            var recordsStored = stored.Keys.Select(k => (k.Month, k.Unit)).Distinct().ToList();
            Assert.All(recordsStored, r => Assert.Equal(kpis.Length, stored.Keys.Count(k => k.Month == r.Month && k.Unit == r.Unit)));
            int recordsServed = expected.Keys.Select(k => (k.Month, k.Unit)).Distinct().Count();
            Assert.Equal(recordsServed - recordsStored.Count, summary.RejectedRecords);
            Assert.Equal(0, code);
        }

        harness.DeleteFolder();
    }

    [Theory]
    [InlineData(FaultMode.NumbersAsStrings)]
    [InlineData(FaultMode.Slow)]
    public async Task TolerableOddities_StillGiveExactFigures(FaultMode mode)
    {
        env.Simulator.State.Faults.Set("eoffice", mode, delayMs: 300);
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var (code, output) = await harness.RunOnceAsync();

            Assert.True(code == 0, output);
            Expected.Same(Expected.EOffice(env.Simulator),
                await Expected.StoredAsync(harness.Store, AllUnits, "e_document_rate", "digital_signature_rate", "online_work_record_rate"));
        }

        harness.DeleteFolder();
    }

    [Fact]
    public async Task ExpiredOAuthToken_IsRefreshedOnce_WithoutAnyErrorSurfacing()
    {
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var first = await harness.PollAsync("eoffice");
            long tokensBefore = env.Simulator.State.Tokens.Issued;
            env.Simulator.State.Faults.Set("eoffice", FaultMode.ExpiredToken, count: 1);

            var second = await harness.PollAsync("eoffice");

            Assert.True(first.Succeeded && second.Succeeded, second.Error);
            Assert.Equal(0, second.RejectedRecords);
            Assert.Equal(tokensBefore + 1, env.Simulator.State.Tokens.Issued);
            Assert.Empty(env.Simulator.State.Faults.Active);
            var (code, output) = await harness.RunOnceAsync();
            Assert.True(code == 0, output);
            Expected.Same(Expected.EOffice(env.Simulator), await Expected.StoredAsync(harness.Store, AllUnits, "e_document_rate", "digital_signature_rate", "online_work_record_rate"));
        }

        harness.DeleteFolder();
    }

    public void Dispose() => env.Simulator.State.Faults.Clear();
}
