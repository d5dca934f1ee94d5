using KpiMonitor.Shared.Periods;
using Quartz;

namespace KpiMonitor.Collector.Polling;

/// <summary>Decides whether a source missed a scheduled run while the collector was down.</summary>
public static class MissedRunPolicy
{
    /// <summary>
    /// True when the source never ran, or when its schedule had a fire time between its last run and now.
    /// However many runs were missed, the answer is one catch-up run, never a replay of each.
    /// </summary>
    public static bool Missed(string cron, DateTimeOffset? lastRun, DateTimeOffset now)
    {
        if (lastRun is null)
        {
            return true;
        }

        var expression = new CronExpression(cron, VietnamTime.Zone);
        return expression.GetNextValidTimeAfter(lastRun.Value) is { } next && next <= now;
    }

    /// <summary>Null when the expression is valid, otherwise the problem in Vietnamese.</summary>
    public static string? Check(string cron)
    {
        try
        {
            _ = CronExpression.Parse(cron);
            return null;
        }
        catch (FormatException ex)
        {
            return $"biểu thức cron '{cron}' không hợp lệ (dạng Quartz, có giây: \"0 0 * * * ?\"): {ex.Message}";
        }
    }
}
