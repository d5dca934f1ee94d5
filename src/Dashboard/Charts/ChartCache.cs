using KpiMonitor.Charts;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using KpiMonitor.Shared.Periods;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KpiMonitor.Dashboard.Charts;

/// <summary>
/// Rendered charts, kept by the fingerprint of what they show. Drawing a 24-month trend costs tens of milliseconds
/// of CPU while the figures behind it change a few times a day, so a chart is drawn once per change of its figures,
/// targets or language, however many people open the page. Requests for a chart being drawn wait for that drawing
/// instead of starting their own. The fingerprint doubles as the entity tag, so a browser that has the image gets
/// a 304.
/// </summary>
public sealed class ChartCache : IDisposable
{
    private readonly MemoryCache _rendered;
    private readonly ConcurrentDictionary<string, Lazy<RenderedChart>> _drawing = new(StringComparer.Ordinal);
    private long _hits, _misses;

    public ChartCache(IOptions<ChartCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rendered = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.Value.MaxMegabytes * 1024L * 1024L,
            TrackStatistics = true,
        });
    }

    /// <summary>Charts answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Charts drawn.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Images kept.</summary>
    public long Count => _rendered.Count;

    /// <summary>Bytes of the images kept.</summary>
    public long Bytes => _rendered.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>The trend chart of <paramref name="data"/> as PNG or SVG.</summary>
    public RenderedChart Trend(TrendChartData data, bool svg, int width = 900, int height = 420)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var key = new ChartFingerprint(svg ? "trend.svg" : "trend.png", width, height);
        key.Add(data.Title).Add(data.Subtitle).Add((int)data.Direction).Add(data.Percentage).Add(data.Unit).Add(data.Culture.Name)
            .Add((int)data.Granularity).Add(data.Points).Add(data.Targets.Count);
        foreach (var target in data.Targets)
        {
            key.Add(target.Period).Add(target.Target).Add(target.WarningBand);
        }

        return GetOrDraw(key.Finish(), svg
            ? () => (Encoding.UTF8.GetBytes(TrendChart.Svg(data, width, height)), "image/svg+xml")
            : () => (TrendChart.Png(data, width, height), "image/png"));
    }

    /// <summary>The sparkline of a KPI tile.</summary>
    public RenderedChart Sparkline(IReadOnlyList<ChartPoint> points, double? target, PeriodGranularity granularity, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var key = new ChartFingerprint("sparkline.png", Charts.Sparkline.Width, Charts.Sparkline.Height);
        key.Add(points).Add(target).Add((int)granularity).Add(culture.Name);
        return GetOrDraw(key.Finish(), () => (Charts.Sparkline.Png(points, target, granularity, culture), "image/png"));
    }

    private RenderedChart GetOrDraw(string fingerprint, Func<(byte[] Content, string ContentType)> draw)
    {
        if (_rendered.TryGetValue(fingerprint, out RenderedChart? kept) && kept is not null)
        {
            Interlocked.Increment(ref _hits);
            return kept;
        }

        var drawing = _drawing.GetOrAdd(fingerprint, key => new Lazy<RenderedChart>(() =>
        {
            // Another request may have drawn it between the look-up above and this drawing's start.
            if (_rendered.TryGetValue(key, out RenderedChart? drawn) && drawn is not null)
            {
                Interlocked.Increment(ref _hits);
                return drawn;
            }

            Interlocked.Increment(ref _misses);
            var (content, type) = draw();
            var chart = new RenderedChart(content, type, new EntityTagHeaderValue($"\"{key}\""));
            _rendered.Set(key, chart, new MemoryCacheEntryOptions { Size = content.Length + key.Length });
            return chart;
        }));
        try
        {
            return drawing.Value;
        }
        finally
        {
            // Drawn (now in the cache) or failed (the next request tries again): either way no longer in progress.
            _drawing.TryRemove(KeyValuePair.Create(fingerprint, drawing));
        }
    }

    public void Dispose() => _rendered.Dispose();
}
