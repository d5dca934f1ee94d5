using System.Net;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class UnitPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private Catalog Catalog => factory.Services.GetRequiredService<Catalog>();

    [Fact]
    public async Task UnitPage_OfTheProvince_ShowsItsNameLevelEveryKpiAndLinksToItsChildren()
    {
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/don-vi/LCU", UriKind.Relative));

        Assert.Contains("<h1>Tỉnh Lai Châu</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Cấp tỉnh", html, StringComparison.Ordinal);
        Assert.All(Catalog.Kpis.All, k => Assert.Contains($"data-kpi=\"{k.Code}\"", html, StringComparison.Ordinal));
        Assert.All(Catalog.Kpis.All, k => Assert.Contains($"href=\"/chi-tieu/{k.Code}?unit=LCU\"", html, StringComparison.Ordinal));
        var children = Catalog.Units.AsOf(VietnamTime.DateOf(DateTimeOffset.UtcNow)).ChildrenOf("LCU");
        Assert.True(children.Count > 100);
        Assert.All(children, c => Assert.Contains($"<a href=\"/don-vi/{c.Code}\" data-unit=\"{c.Code}\">{c.NameVi}</a>", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnitPage_OfACommune_LinksToItsParent_AndShowsEachSourcesNewestPeriod()
    {
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        await store.WriteAsync(
        [
            Observation.Ratio("online_dossier_rate", "LCU.X.BANGIANG", VietnamTime.StartOf(new DateOnly(2025, 9, 1)), 40, 50, "onestop"),
            Observation.Ratio("online_dossier_rate", "LCU.X.BANGIANG", VietnamTime.StartOf(new DateOnly(2025, 10, 1)), 45, 50, "onestop"),
            Observation.Ratio("online_dossier_rate", "LCU.X.NATAM", VietnamTime.StartOf(new DateOnly(2025, 11, 1)), 45, 50, "onestop"),
        ], CancellationToken.None);
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/don-vi/LCU.X.BANGIANG", UriKind.Relative));

        Assert.Contains("<h1>Xã Bản Giang</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Cấp xã", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/don-vi/LCU\" data-unit=\"LCU\">Tỉnh Lai Châu</a>", html, StringComparison.Ordinal);
        string row = SourcesPageTests.Row(html, "onestop");
        Assert.Contains("Hệ thống thông tin giải quyết thủ tục hành chính (thống kê)", row, StringComparison.Ordinal);
        Assert.Contains("01/10/2025", row, StringComparison.Ordinal);
        Assert.DoesNotContain("01/11/2025", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitPage_OfADistrictAbolishedIn2025_ShowsTheCommunesItHadOnItsLastDay()
    {
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var district = Catalog.Units.Units.First(u => u.Level == "district" && u.ValidTo < today);
        var communes = Catalog.Units.AsOf(district.ValidTo!.Value).ChildrenOf(district.Code);
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri($"/don-vi/{district.Code}", UriKind.Relative));

        Assert.Contains($"<h1>{district.NameVi}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Đơn vị không còn tồn tại sau ngày " + district.ValidTo.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            html, StringComparison.Ordinal);
        Assert.NotEmpty(communes);
        Assert.All(communes, c => Assert.Contains($"href=\"/don-vi/{c.Code}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnitPage_ForAnUnknownCode_IsTheFriendly404()
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri("/don-vi/KHONG.CO", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitPage_WithoutLogin_GoesToTheLoginPage()
    {
        var response = await factory.Anonymous().GetAsync(new Uri("/don-vi/LCU", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverviewTitle_AndKpiChildren_LinkToUnitPages_KeepingTheKpiDrillDown()
    {
        var client = await factory.SignedInAsync();

        string overview = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        string kpi = await client.GetStringAsync(new Uri("/chi-tieu/online_dossier_rate", UriKind.Relative));

        Assert.Contains("<h1><a href=\"/don-vi/LCU\">Tỉnh Lai Châu</a>", overview, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/chi-tieu/online_dossier_rate?unit=LCU.X.BANGIANG\">Xã Bản Giang</a>", kpi, StringComparison.Ordinal);
        Assert.Contains("<a class=\"unit-link\" href=\"/don-vi/LCU.X.BANGIANG\">trang đơn vị</a>", kpi, StringComparison.Ordinal);
    }
}
