namespace KpiMonitor.Dashboard.Charts;

/// <summary>
/// The sizes a trend chart is drawn at, in CSS pixels. The KPI page shows the wide one on screens whose chart card
/// holds it at its own size (a 1366-pixel office laptop and wider) and the standard one otherwise, so the chart fills
/// the card without being enlarged and blurred, and its text keeps one size. Only these, so the cache holds few.
/// </summary>
public readonly record struct TrendChartSize(int Width, int Height)
{
    public static readonly TrendChartSize Standard = new(900, 420);

    public static readonly TrendChartSize Wide = new(1280, 460);

    /// <summary>The smallest window (CSS pixels, scroll bar included) whose chart card holds <see cref="Wide"/>.</summary>
    public const int WideFromWindowWidth = 1360;

    /// <summary><c>size=</c> of the chart's address: absent for <see cref="Standard"/>, <c>wide</c> for <see cref="Wide"/>.</summary>
    public static bool TryParse(string? name, out TrendChartSize size)
    {
        (bool known, size) = name switch
        {
            null => (true, Standard),
            "wide" => (true, Wide),
            _ => (false, default),
        };
        return known;
    }
}
