namespace KpiMonitor.Charts;

// Period is the first day of the period; a null value is drawn as a gap. InProgress: the period has not ended, so its
// figure is so far (a month-to-date count keeps growing) and is drawn as provisional, not as a fall.
public sealed record ChartPoint(DateOnly Period, double? Value, bool InProgress = false);
