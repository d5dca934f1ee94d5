using KpiMonitor.Shared.Periods;

namespace KpiMonitor.SourceSimulator.Periods;

/// <summary>
/// A month as seen at one instant: a past month is described as at its end, the current month as at
/// now (its counts are partial), a future month not at all. Sample the clock once per request and
/// build every figure of that answer from the same view, so one answer never straddles two instants.
/// </summary>
public readonly record struct MonthView(MonthPeriod Period, DateTime AsOf)
{
    /// <summary>The view of <paramref name="period"/> at <paramref name="now"/>, or null when the month has not begun.</summary>
    public static MonthView? Of(MonthPeriod period, DateTimeOffset now)
    {
        var local = VietnamTime.ToLocal(now).DateTime;
        if (local < period.LocalStart)
        {
            return null;
        }

        return new MonthView(period, local < period.LocalEnd ? local : period.LocalEnd);
    }

    /// <summary>Whether the month is over, so its figures no longer change.</summary>
    public bool IsComplete => AsOf >= Period.LocalEnd;

    /// <summary>The share of the month elapsed at <see cref="AsOf"/>, in (0, 1]; counts of the current month scale by it.</summary>
    public double Elapsed
    {
        get
        {
            double total = (Period.LocalEnd - Period.LocalStart).TotalSeconds;
            return Math.Clamp((AsOf - Period.LocalStart).TotalSeconds / total, 1e-6, 1.0);
        }
    }
}
