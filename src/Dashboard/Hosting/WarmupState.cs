using System.Diagnostics;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// Where the first reading of the rollups stands: until it ends, pages would wait for it (about 35 s at national
/// scale), so <see cref="WarmupGate"/> holds them briefly and then shows its progress instead.
/// </summary>
public sealed class WarmupState
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _total, _read;

    /// <summary>The first reading has ended (or is not needed); pages answer at cache speed.</summary>
    public bool Ready => _ready.Task.IsCompleted;

    /// <summary>Completes when <see cref="Ready"/>.</summary>
    public Task WhenReady => _ready.Task;

    /// <summary>KPIs read so far and in all.</summary>
    public (int Read, int Total) Progress => (Volatile.Read(ref _read), Volatile.Read(ref _total));

    /// <summary>Time since the dashboard started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Begin(int kpis) => Volatile.Write(ref _total, kpis);

    /// <summary>One more KPI read by the first reading (later readings do not count).</summary>
    public void KpiRead()
    {
        if (!Ready)
        {
            Interlocked.Increment(ref _read);
        }
    }

    /// <summary>Called when the first reading ends, whether it succeeded or not (a failing store is then each page's own message).</summary>
    public void Complete() => _ready.TrySetResult();
}
