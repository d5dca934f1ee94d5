using System.Globalization;
using static KpiMonitor.Dashboard.Tests.Web.KpiTablePage;

namespace KpiMonitor.Dashboard.Tests.Web;

// The KPI page's child table: shared ranks, ranks within a level, the level filter and the sortable columns.
// Each test reads its own KPI, written before its first read, so the tests of the class can share one store.
public sealed class KpiTableTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Ranks_OfTiedValues_AreShared_1_2_2_4()
    {
        await WriteRatiosAsync(factory, "on_time_rate", ThisMonth, (BanGiang, 9, 10), (BanBo, 8, 10), (SanThang, 16, 20), (SungPhai, 7, 10));
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/chi-tieu/on_time_rate?unit=LCU", UriKind.Relative));

        Assert.Equal(["1", "2", "2", "4"], new[] { BanGiang, BanBo, SanThang, SungPhai }.Select(u => Rank(html, u)));
        Assert.Equal([BanGiang, BanBo, SanThang, SungPhai], RowUnits(html)[..4]);
    }

    [Fact]
    public async Task Ranks_OfALowerIsBetterKpi_PutTheSmallestFirst_AndShareTies()
    {
        await WriteScalarsAsync(factory, "late_dossiers", ThisMonth, (BanGiang, 12), (BanBo, 0), (SanThang, 3), (SungPhai, 3));
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/chi-tieu/late_dossiers?unit=LCU&level=commune", UriKind.Relative));

        Assert.Equal(["4", "1", "2", "2"], new[] { BanGiang, BanBo, SanThang, SungPhai }.Select(u => Rank(html, u)));
    }

    [Fact]
    public async Task Ranks_CompareOnlyUnitsOfTheSameLevel()
    {
        await WriteRatiosAsync(factory, "e_document_rate", ThisMonth, (TuPhap, 50, 100), (YTe, 40, 100), (BanGiang, 90, 100), (BanBo, 95, 100));
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/chi-tieu/e_document_rate?unit=LCU", UriKind.Relative));

        Assert.Equal(["1", "2", "2", "1"], new[] { TuPhap, YTe, BanGiang, BanBo }.Select(u => Rank(html, u)));
        // Default order: the ranked units level by level (departments are configured first), then the others.
        Assert.Equal([TuPhap, YTe, BanBo, BanGiang], RowUnits(html)[..4]);
        Assert.Contains("Xếp hạng so sánh các đơn vị cùng cấp", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastMonthsRanks_AreSharedToo_AndMovementCountsPlaces()
    {
        var lastMonth = ThisMonth.AddMonths(-1);
        await WriteRatiosAsync(factory, "full_online_dossier_rate", lastMonth, (BanGiang, 80, 100), (BanBo, 80, 100), (SanThang, 70, 100));
        await WriteRatiosAsync(factory, "full_online_dossier_rate", ThisMonth, (SanThang, 90, 100), (BanGiang, 80, 100), (BanBo, 70, 100));
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/chi-tieu/full_online_dossier_rate?unit=LCU&level=commune", UriKind.Relative));
        byte[] csv = await client.GetByteArrayAsync(new Uri("/chi-tieu/full_online_dossier_rate/xuat.csv?unit=LCU&level=commune", UriKind.Relative));

        Assert.Equal(["▲2", "▼1", "▼2"], new[] { SanThang, BanGiang, BanBo }.Select(u => Movement(html, u)));
        var lines = CsvLines(csv);
        Assert.StartsWith($"1,3,{SanThang},", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"2,1,{BanGiang},", lines[2], StringComparison.Ordinal);
        Assert.StartsWith($"3,1,{BanBo},", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LevelFilter_ListsTheLevelsOfTheChildren_AndShowsOnlyCommunes()
    {
        await WriteRatiosAsync(factory, "online_work_record_rate", ThisMonth, (TuPhap, 50, 100), (BanGiang, 90, 100));
        var client = await factory.SignedInAsync();
        var communes = Children(factory).Where(c => c.Level == "commune").Select(c => c.Code).ToHashSet();

        string all = await client.GetStringAsync(new Uri("/chi-tieu/online_work_record_rate?unit=LCU", UriKind.Relative));
        string filtered = await client.GetStringAsync(new Uri("/chi-tieu/online_work_record_rate?unit=LCU&level=commune", UriKind.Relative));

        var levels = Nav(all);
        Assert.Contains("data-level=\"department\"", levels, StringComparison.Ordinal);
        Assert.Contains("data-level=\"commune\"", levels, StringComparison.Ordinal);
        Assert.DoesNotContain("data-level=\"district\"", levels, StringComparison.Ordinal);
        Assert.DoesNotContain("data-level=\"province\"", levels, StringComparison.Ordinal);
        Assert.Contains($"Sở, ban, ngành ({Children(factory).Count(c => c.Level == "department")})", levels, StringComparison.Ordinal);
        Assert.Contains($"Cấp xã ({communes.Count})", levels, StringComparison.Ordinal);
        Assert.Contains($"Tất cả ({Children(factory).Count})", levels, StringComparison.Ordinal);
        Assert.Equal(Children(factory).Count, RowUnits(all).Length);

        Assert.Equal(communes.Order(), RowUnits(filtered).Order());
        Assert.Equal(BanGiang, RowUnits(filtered)[0]);
        Assert.Contains("aria-current=\"true\">Cấp xã", Nav(filtered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LevelFilter_InEnglish_UsesTheCataloguesEnglishLevelNames()
    {
        var client = await factory.SignedInAsync();
        await client.GetAsync(new Uri("/ngon-ngu/en", UriKind.Relative));

        string html = await client.GetStringAsync(new Uri("/chi-tieu/par_plan_progress?unit=LCU&level=commune", UriKind.Relative));

        var levels = Nav(html);
        Assert.Contains("Provincial department (", levels, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"true\">Commune (", levels, StringComparison.Ordinal);
        Assert.Contains("All (", levels, StringComparison.Ordinal);
        Assert.Contains("Ranks compare units of the same level", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SortByValue_OrdersRowsEitherWay_WithUnitsWithoutAFigureLast()
    {
        await WriteRatiosAsync(factory, "online_payment_rate", ThisMonth, (BanGiang, 30, 100), (BanBo, 90, 100), (SanThang, 60, 100));
        var client = await factory.SignedInAsync();

        string descending = await client.GetStringAsync(new Uri("/chi-tieu/online_payment_rate?unit=LCU&sort=value&dir=desc", UriKind.Relative));
        string ascending = await client.GetStringAsync(new Uri("/chi-tieu/online_payment_rate?unit=LCU&sort=value&dir=asc", UriKind.Relative));

        Assert.Equal([BanBo, SanThang, BanGiang], RowUnits(descending)[..3]);
        Assert.Equal([BanGiang, SanThang, BanBo], RowUnits(ascending)[..3]);
        Assert.Equal(Children(factory).Count, RowUnits(ascending).Length);
        Assert.Matches("<th class=\"num\" aria-sort=\"descending\" data-sort=\"value\">", descending);
    }

    [Fact]
    public async Task SortByUnit_IsVietnameseAlphabetical_AndStatusPutsMissedFirstWhenDescending()
    {
        await WriteRatiosAsync(factory, "digital_signature_rate", ThisMonth, (BanGiang, 99, 100), (BanBo, 10, 100));
        var client = await factory.SignedInAsync();
        var vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

        string byName = await client.GetStringAsync(new Uri("/chi-tieu/digital_signature_rate?unit=LCU&level=commune&sort=unit", UriKind.Relative));
        string byStatus = await client.GetStringAsync(new Uri("/chi-tieu/digital_signature_rate?unit=LCU&level=commune&sort=status&dir=desc", UriKind.Relative));

        var expected = Children(factory).Where(c => c.Level == "commune").OrderBy(c => c.NameVi, vietnamese).Select(c => c.Code);
        Assert.Equal(expected, RowUnits(byName));
        Assert.Equal([BanBo, BanGiang], RowUnits(byStatus)[..2]);
    }

    [Fact]
    public async Task SortHeaders_AndDownloads_KeepUnitMonthsGrainAndLevel()
    {
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(
            new Uri("/chi-tieu/dossiers_received?unit=LCU&months=12&grain=quarter&level=commune&sort=value&dir=desc", UriKind.Relative));

        const string kept = "unit=LCU&amp;months=12&amp;grain=quarter&amp;level=commune";
        Assert.Contains($"data-sort=\"value\"><a href=\"/chi-tieu/dossiers_received?{kept}&amp;sort=value&amp;dir=asc\">", html, StringComparison.Ordinal);
        Assert.Contains($"data-sort=\"unit\"><a href=\"/chi-tieu/dossiers_received?{kept}&amp;sort=unit&amp;dir=asc\">", html, StringComparison.Ordinal);
        Assert.Contains($"data-sort=\"rank\"><a href=\"/chi-tieu/dossiers_received?{kept}\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/chi-tieu/dossiers_received/xuat.csv?unit=LCU&amp;level=commune&amp;sort=value&amp;dir=desc\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/chi-tieu/dossiers_received/xuat.xlsx?unit=LCU&amp;level=commune&amp;sort=value&amp;dir=desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"level\" value=\"commune\" />", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"dir\" value=\"desc\" />", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/chi-tieu/dossiers_received?unit=LCU&amp;months=12&amp;grain=quarter&amp;sort=value&amp;dir=desc\">Tất cả (",
            Nav(html), StringComparison.Ordinal);
    }
}
