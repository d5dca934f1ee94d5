using KpiMonitor.Charts;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Shared.Periods;
using Microsoft.Extensions.Options;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Charts;

public sealed class ChartCacheTests : IDisposable
{
    private readonly ChartCache _cache = new(Options.Create(new ChartCacheOptions()));

    [Fact]
    public void TheSameFigures_AreDrawnOnce_AndGiveTheSameImageAndTag()
    {
        var first = _cache.Trend(ChartSamples.OnlineDossierRate(), svg: false);
        var again = _cache.Trend(ChartSamples.OnlineDossierRate(), svg: false);

        Assert.Same(first, again);
        Assert.Equal((1L, 1L), (_cache.Misses, _cache.Hits));
        Assert.Equal("image/png", first.ContentType);
        Assert.Equal(TrendChart.Png(ChartSamples.OnlineDossierRate()), first.Content);
        Assert.True(first.ETag.Tag.Length > 20, first.ETag.Tag.ToString());
    }

    [Fact]
    public void AnyChangeInWhatIsShown_DrawsANewImageWithANewTag()
    {
        var sample = ChartSamples.OnlineDossierRate();
        var points = sample.Points.ToList();
        points[^1] = points[^1] with { Value = points[^1].Value + 0.01 };
        var targets = sample.Targets.ToList();
        targets[^1] = targets[^1] with { WarningBand = 6 };

        RenderedChart[] charts =
        [
            _cache.Trend(sample, svg: false),
            _cache.Trend(sample, svg: true),
            _cache.Trend(sample with { Points = points }, svg: false),
            _cache.Trend(sample with { Targets = targets }, svg: false),
            _cache.Trend(ChartSamples.OnlineDossierRate(english: true), svg: false),
            _cache.Trend(sample with { Subtitle = "Sở Y tế" }, svg: false),
            _cache.Trend(sample, svg: false, width: 600),
        ];

        Assert.Equal(charts.Length, charts.Select(c => c.ETag.Tag.ToString()).Distinct().Count());
        Assert.Equal(charts.Length, _cache.Misses);
        Assert.Equal("image/svg+xml", charts[1].ContentType);
        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(charts[1].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFigure_AndAZero_AreDifferentCharts()
    {
        var points = ChartSamples.RisingMonths().ToList();
        var gap = _cache.Sparkline(points, 80, PeriodGranularity.Month, culture: Cultures.Vietnamese);
        points[6] = points[6] with { Value = 0 };

        var zero = _cache.Sparkline(points, 80, PeriodGranularity.Month, culture: Cultures.Vietnamese);

        Assert.NotEqual(gap.ETag, zero.ETag);
        Assert.NotEqual(gap.Content, zero.Content);
    }

    [Fact]
    public void AMonthInProgress_AndTheSameMonthFinished_AreDifferentCharts()
    {
        // The same figures before and after the month ends (an overview of a past month asks for exactly these).
        var finished = ChartSamples.RisingMonths().ToList();
        var running = finished.Select((p, i) => i == finished.Count - 1 ? p with { InProgress = true } : p).ToList();
        var sample = ChartSamples.OnlineDossierRate();

        var trendRunning = _cache.Trend(sample with { Points = running }, svg: false);
        var trendFinished = _cache.Trend(sample with { Points = finished }, svg: false);
        var sparkRunning = _cache.Sparkline(running, 80, PeriodGranularity.Month, culture: Cultures.Vietnamese);
        var sparkFinished = _cache.Sparkline(finished, 80, PeriodGranularity.Month, culture: Cultures.Vietnamese);

        Assert.NotEqual(trendRunning.ETag, trendFinished.ETag);
        Assert.NotEqual(trendRunning.Content, trendFinished.Content);
        Assert.NotEqual(sparkRunning.ETag, sparkFinished.ETag);
        Assert.NotEqual(sparkRunning.Content, sparkFinished.Content);
        Assert.Equal(4, _cache.Misses);
    }

    [Fact]
    public async Task ManyRequestsForAChartBeingDrawn_WaitForOneDrawing()
    {
        var sample = ChartSamples.OnlineDossierRate();
        using var start = new Barrier(8);

        var charts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return _cache.Trend(sample, svg: false);
        })));

        Assert.Equal(1, _cache.Misses);
        Assert.All(charts, c => Assert.Same(charts[0], c));
    }

    [Fact]
    public void TheBudget_DropsOldImages_InsteadOfGrowing()
    {
        using var small = new ChartCache(Options.Create(new ChartCacheOptions { MaxMegabytes = 1 }));
        var points = ChartSamples.RisingMonths().ToList();

        for (int i = 0; i < 200; i++)
        {
            points[0] = points[0] with { Value = i };
            small.Trend(ChartSamples.OnlineDossierRate() with { Points = points }, svg: true);
        }

        Assert.Equal(200, small.Misses);
        Assert.InRange(small.Bytes, 1, 1024 * 1024);
        Assert.InRange(small.Count, 1, 199);
    }

    public void Dispose() => _cache.Dispose();
}
