namespace KpiMonitor.Testing;

/// <summary>
/// A clock that moves only when told, so what a test computes and what the code under test saw are of the same
/// instant. (The central pin of Microsoft.Extensions.TimeProvider.Testing, 10.0.11, does not exist.)
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
