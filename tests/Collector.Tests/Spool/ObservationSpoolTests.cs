using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Collector.Tests.Spool;

public sealed class ObservationSpoolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kpimonitor-spool-").FullName;

    private ObservationSpool Open(int max = 1_000) => new(
        Options.Create(new CollectorOptions { StateDirectory = _dir, MaxSpoolPoints = max }), TimeProvider.System, NullLogger<ObservationSpool>.Instance);

    private static Observation[] Batch(int n, string source = "s") =>
        Enumerable.Range(0, n).Select(i => Observation.Ratio("k", "u" + i, DateTimeOffset.UnixEpoch.AddDays(i), i, i + 1, source)).ToArray();

    [Fact]
    public async Task Segments_ReplayInOrder_AcrossAReopen_WithEveryField()
    {
        using (var first = Open())
        {
            await first.AppendAsync(Batch(3, "a"), CancellationToken.None);
            await first.AppendAsync(Batch(2, "b"), CancellationToken.None);
            Assert.Throws<KpiMonitor.Shared.Hosting.StartupException>(() => Open());
        }

        using var reopened = Open();
        var segments = reopened.Segments();

        Assert.Equal(5, reopened.PendingPoints);
        Assert.Equal([3, 2], segments.Select(s => s.Points));
        var replayed = await ObservationSpool.ReadAsync(segments[0], CancellationToken.None);
        Assert.Equal("a", replayed[0].Source);
        Assert.Equal(Batch(3, "a")[2] with { ReceivedAt = replayed[2].ReceivedAt }, replayed[2]);
        Assert.NotNull(replayed[2].ReceivedAt);
    }

    [Fact]
    public async Task AFullSpool_RefusesMore_WithAMessageNamingTheFolder()
    {
        using var spool = Open(max: 1_000);
        await spool.AppendAsync(Batch(900), CancellationToken.None);

        var full = await Assert.ThrowsAsync<SpoolFullException>(() => spool.AppendAsync(Batch(200), CancellationToken.None));

        Assert.Contains("đầy", full.Message);
        Assert.Contains(_dir, full.Message);
        Assert.Equal(900, spool.PendingPoints);
        spool.Complete(spool.Segments()[0]);
        await spool.AppendAsync(Batch(200), CancellationToken.None);
        Assert.Equal(200, spool.PendingPoints);
    }

    [Fact]
    public async Task AHalfWrittenSegmentFromACrash_IsDiscarded_AndADamagedOneIsReported()
    {
        using (var spool = Open())
        {
            await spool.AppendAsync(Batch(2), CancellationToken.None);
        }

        string folder = Path.Combine(_dir, "spool");
        File.WriteAllText(Path.Combine(folder, "000000000009-5.jsonl.tmp"), "{\"k\":");
        File.WriteAllText(Path.Combine(folder, "000000000010-1.jsonl"), "{\"k\": 12");

        using var reopened = Open();

        Assert.False(File.Exists(Path.Combine(folder, "000000000009-5.jsonl.tmp")));
        var damaged = reopened.Segments()[^1];
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ObservationSpool.ReadAsync(damaged, CancellationToken.None));
        Assert.Contains("000000000010-1.jsonl", error.Message);
        Assert.Contains("dòng 1", error.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
