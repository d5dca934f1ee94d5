namespace KpiMonitor.SourceSimulator.Tests;

/// <summary>A clock that moves only when told. (The central pin of Microsoft.Extensions.TimeProvider.Testing, 10.0.11, does not exist.)</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
