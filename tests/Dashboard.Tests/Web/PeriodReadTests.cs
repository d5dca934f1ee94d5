using KpiMonitor.Charts;
using System.Text;
using KpiMonitor.Dashboard.Tests.Charts;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>KPIs reported by year read by year everywhere: the tile's sparkline endpoint and the ranking export.</summary>
public sealed class PeriodReadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task SparklineEndpoint_OfAYearlyRanking_DrawsItsYearsAcrossTheTile()
    {
        int year = VietnamTime.DateOf(DateTimeOffset.UtcNow).Year;
        await factory.Services.GetRequiredService<ITimeSeriesStore>().WriteAsync(
        [
            Observation.Scalar("par_index_rank", "LCU", VietnamTime.StartOf(new DateOnly(year - 4, 1, 1)), 40, "test"),
            Observation.Scalar("par_index_rank", "LCU", VietnamTime.StartOf(new DateOnly(year - 3, 1, 1)), 35, "test"),
            Observation.Scalar("par_index_rank", "LCU", VietnamTime.StartOf(new DateOnly(year, 1, 1)), 18, "test"),
        ], CancellationToken.None);
        var client = await factory.SignedInAsync();

        var png = PngImage.Read(await client.GetByteArrayAsync(new Uri("/bieu-do/nho/par_index_rank.png?unit=LCU", UriKind.Relative)));
        png.Save("sparkline-endpoint-par-index.png");

        // Twelve months by month would hold this year's figure only, drawn as one dot at the right.
        string value = ChartStyle.ValueColor.ToHex();
        Assert.True(png.PixelsNear(value, where: (x, _) => x < png.Width / 5) > 10, "the figures of four and three years ago are not at the left edge");
        Assert.True(png.PixelsNear(value, where: (x, _) => x > png.Width * 4 / 5) > 10, "this year is not at the right edge");
    }

    [Theory]
    [InlineData("par_index_rank", "Xếp hạng năm trước")]
    [InlineData("online_dossier_rate", "Xếp hạng tháng trước")]
    public async Task RankingExport_NamesThePeriodTheRanksCompareWith(string kpi, string header)
    {
        var client = await factory.SignedInAsync();

        string csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri($"/chi-tieu/{kpi}/xuat.csv", UriKind.Relative)));

        Assert.Contains(header, csv.Split('\n')[0], StringComparison.Ordinal);
    }
}
