namespace KpiMonitor.Testing;

/// <summary>Waiting, in a test, for something another thread or process does.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; past <paramref name="timeout"/> fails naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
