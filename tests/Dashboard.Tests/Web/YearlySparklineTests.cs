using KpiMonitor.Charts;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Tests.Charts;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class YearlySparklineTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task YearlyRanking_ReadThroughItsSparklineWindow_IsOneFigureAYear_OverFiveYears()
    {
        var catalog = factory.Services.GetRequiredService<Catalog>();
        var kpi = catalog.Kpis.Find("par_index_rank")!;
        int year = VietnamTime.DateOf(DateTimeOffset.UtcNow).Year;
        await factory.Services.GetRequiredService<ITimeSeriesStore>().WriteAsync(
        [
            Observation.Scalar(kpi.Code, "LCU", VietnamTime.StartOf(new DateOnly(year - 2, 1, 1)), 31, "test"),
            Observation.Scalar(kpi.Code, "LCU", VietnamTime.StartOf(new DateOnly(year - 1, 1, 1)), 24, "test"),
            Observation.Scalar(kpi.Code, "LCU", VietnamTime.StartOf(new DateOnly(year, 1, 1)), 18, "test"),
        ], CancellationToken.None);
        var (months, granularity) = SparklineWindow.For(kpi);

        var data = await factory.Services.GetRequiredService<TrendQuery>().ChartAsync(kpi.Code, "LCU", months, granularity, Cultures.Vietnamese, CancellationToken.None);
        var png = PngImage.Read(Sparkline.Png(data.Points, 20, granularity, culture: Cultures.Vietnamese));
        png.Save("sparkline-par-index.png");

        Assert.Equal(PeriodGranularity.Year, granularity);
        Assert.Equal(Enumerable.Range(year - 4, 5).Select(y => new DateOnly(y, 1, 1)), data.Points.Select(p => p.Period));
        Assert.Equal([null, null, 31, 24, 18], data.Points.Select(p => p.Value));
        string value = ChartStyle.ValueColor.ToHex();
        Assert.True(png.PixelsNear(value, where: (x, _) => x < png.Width / 5) > 10, "the first year with a figure is not at the left edge");
        Assert.True(png.PixelsNear(value, where: (x, _) => x > png.Width * 4 / 5) > 10, "this year is not at the right edge");
    }

    [Fact]
    public void SparklineWindow_OfAMonthlyKpi_StaysTwelveMonths()
    {
        var kpi = factory.Services.GetRequiredService<Catalog>().Kpis.Find("online_dossier_rate")!;

        Assert.Equal((12, PeriodGranularity.Month), SparklineWindow.For(kpi));
    }
}
