using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>The faults that act before any body is written: slow, timeout, error500.</summary>
internal static class FaultGate
{
    /// <summary>Returns false when the fault has answered (or swallowed) the request.</summary>
    public static async Task<bool> PassAsync(HttpContext context, FaultBook faults, string endpoint, CancellationToken stopping)
    {
        if (faults.TryTake(endpoint, FaultMode.Slow) is { } slow)
        {
            // Wall-clock delay even under a fake TimeProvider: the client's timeout runs on real time.
            await Task.Delay(slow.DelayMs, context.RequestAborted);
        }

        if (faults.TryTake(endpoint, FaultMode.Timeout) is not null)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the simulator is stopping: drop the connection, never answer.
                context.Abort();
            }

            return false;
        }

        if (faults.TryTake(endpoint, FaultMode.Error500) is not null)
        {
            await Reply.ErrorAsync(context, StatusCodes.Status500InternalServerError, "internal_error", "Simulated server error.");
            return false;
        }

        return true;
    }
}
