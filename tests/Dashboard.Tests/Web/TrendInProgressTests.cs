using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KpiMonitor.Dashboard.Tests.Web.KpiTablePage;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Web;

// Which period of a trend the chart data marks as still in progress, read from the store on a clock the test moves.
public sealed class TrendInProgressTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Kpi = "late_dossiers";

    [Fact]
    public async Task MonthlyTrend_MarksThisMonthOnly()
    {
        var (clock, month) = await WriteThreeMonthsAsync(BanGiang);

        var data = await Query(clock).ChartAsync(Kpi, BanGiang, 3, PeriodGranularity.Month, Cultures.Vietnamese, CancellationToken.None);

        Assert.Equal([month.AddMonths(-2), month.AddMonths(-1), month], data.Points.Select(p => p.Period));
        Assert.Equal([false, false, true], data.Points.Select(p => p.InProgress));
        Assert.Equal([100, 100, 1], data.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task QuarterlyTrend_MarksTheQuarterHoldingToday_NotTheMonthBefore()
    {
        var (clock, month) = await WriteThreeMonthsAsync(BanBo);

        var data = await Query(clock).ChartAsync(Kpi, BanBo, 12, PeriodGranularity.Quarter, Cultures.Vietnamese, CancellationToken.None);

        var quarter = PeriodBucket.Floor(month, PeriodGranularity.Quarter);
        Assert.Equal([quarter], data.Points.Where(p => p.InProgress).Select(p => p.Period));
        Assert.Equal(quarter, data.Points[^1].Period);
    }

    [Fact]
    public async Task WhenTheMonthEnds_ItIsNoLongerInProgress_AndItsChartIsDrawnAgain()
    {
        var (clock, month) = await WriteThreeMonthsAsync(SanThang);
        var query = Query(clock);
        var during = await query.ChartAsync(Kpi, SanThang, 3, PeriodGranularity.Month, Cultures.Vietnamese, CancellationToken.None, month);

        // Half an hour into the next month, Vietnamese time; the same three months, asked for as a past month's overview does.
        clock.Advance(VietnamTime.StartOf(month.AddMonths(1)).AddMinutes(30) - clock.GetUtcNow());
        var after = await query.ChartAsync(Kpi, SanThang, 3, PeriodGranularity.Month, Cultures.Vietnamese, CancellationToken.None, month);
        var charts = factory.Services.GetRequiredService<ChartCache>();

        Assert.Equal(during.Points.Select(p => (p.Period, p.Value)), after.Points.Select(p => (p.Period, p.Value)));
        Assert.Equal([false, false, true], during.Points.Select(p => p.InProgress));
        Assert.All(after.Points, p => Assert.False(p.InProgress));
        Assert.NotEqual(charts.Trend(during, svg: false).ETag, charts.Trend(after, svg: false).ETag);
    }

    private TrendQuery Query(TimeProvider clock)
    {
        var reader = factory.Services.GetRequiredService<KpiReader>();
        var catalog = factory.Services.GetRequiredService<Catalog>();
        return new(reader, catalog, new KpiAssessor(reader, catalog, clock), clock);
    }

    // 100 late dossiers in each of the last two months, and 1 so far in this one (its third day, say).
    private async Task<(ManualClock Clock, DateOnly Month)> WriteThreeMonthsAsync(string unit)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var month = PeriodBucket.Floor(VietnamTime.DateOf(clock.GetUtcNow()), PeriodGranularity.Month);
        await WriteScalarsAsync(factory, Kpi, month.AddMonths(-2), (unit, 100));
        await WriteScalarsAsync(factory, Kpi, month.AddMonths(-1), (unit, 100));
        await WriteScalarsAsync(factory, Kpi, month, (unit, 1));
        return (clock, month);
    }
}
