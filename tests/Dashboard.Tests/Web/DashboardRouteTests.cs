using System.Net;
using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class DashboardRouteTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Health_IsOpenToAll_AndSaysTheStoreAnswers()
    {
        var response = await factory.Anonymous().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kho dữ liệu trả lời", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/chi-tieu/online_dossier_rate")]
    [InlineData("/bieu-do/xu-huong/online_dossier_rate.png")]
    [InlineData("/chi-tieu/digitization_rate/xuat.csv")]
    [InlineData("/chi-tieu/digitization_rate/xuat.xlsx?unit=LCU")]
    [InlineData("/nguon-du-lieu/xuat.csv")]
    [InlineData("/nguon-du-lieu/xuat.xlsx")]
    [InlineData("/don-vi/LCU/xuat.csv?month=2025-06")]
    [InlineData("/don-vi/LCU/do-moi.xlsx")]
    [InlineData("/nhap-lieu/nhat-ky.csv")]
    [InlineData("/quan-tri/muc-tieu.xlsx")]
    public async Task Pages_WithoutLogin_GoToTheLoginPage(string path)
    {
        var response = await factory.Anonymous().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutLogin_Is401_WithAWrongKey401_WithTheKey200()
    {
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/kpis", UriKind.Relative))).StatusCode);

        client.DefaultRequestHeaders.Add("X-API-Key", "sai");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/kpis", UriKind.Relative))).StatusCode);

        var keyed = factory.Anonymous();
        keyed.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);
        var kpis = JsonDocument.Parse(await keyed.GetStringAsync(new Uri("/api/kpis", UriKind.Relative)));
        Assert.Contains(kpis.RootElement.EnumerateArray(), k => k.GetProperty("nameVi").GetString() == "Tỷ lệ hồ sơ nộp trực tuyến");
    }

    [Fact]
    public async Task Login_WithAWrongPassword_SaysSoInVietnamese_AndStaysOut()
    {
        var client = factory.Anonymous();
        string form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "viewer", ["password"] = "sai-mat-khau", ["__RequestVerificationToken"] = DashboardFactory.Token(form),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Login_TooManyAttempts_AreThrottled()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Auth:LoginAttemptsPerMinute", "2"));
        var client = strict.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var codes = new List<HttpStatusCode>();
        string last = "";
        for (int i = 0; i < 3; i++)
        {
            string form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
            var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "viewer", ["password"] = "sai", ["__RequestVerificationToken"] = DashboardFactory.Token(form),
            }));
            codes.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Contains("Quá nhiều lần thử; vui lòng đợi một phút.", last, StringComparison.Ordinal);
        Assert.DoesNotContain("bộ phận kỹ thuật", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ColleaguesBehindOneAddress_AreNotThrottledForEachOther_ButAScriptTryingManyNamesIs()
    {
        using var office = factory.WithWebHostBuilder(b => b.UseSetting("Auth:LoginAttemptsPerMinute", "2").UseSetting("Auth:LoginAttemptsPerMinutePerAddress", "5"));
        var client = office.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var codes = new List<HttpStatusCode>();
        foreach (string user in new[] { "viewer", "operator", "admin", "lanhdao", "canbo", "quantri" })
        {
            string form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
            using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = user, ["password"] = "sai", ["__RequestVerificationToken"] = DashboardFactory.Token(form),
            }));
            codes.Add(response.StatusCode);
        }

        // Six names, each tried once from one address: the per-name limit (2) never bites, the per-address one (5) does.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task TheStylesheet_IsLinkedByItsFingerprint_AndKeptByBrowsersUntilItChanges()
    {
        var client = factory.Anonymous();
        string login = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        string href = System.Text.RegularExpressions.Regex.Match(login, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;

        using var sheet = await client.GetAsync(new Uri(href, UriKind.Relative));
        using var unversioned = await client.GetAsync(new Uri("/app.css", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(sheet.Headers.ETag!);
        using var notModified = await client.SendAsync(again);

        Assert.Matches("^/app\\.css\\?v=[0-9a-f]{12}$", href);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("text/css", sheet.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".tiles", await sheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(sheet.Headers.CacheControl!.Public && sheet.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), sheet.Headers.CacheControl.ToString());
        Assert.True(unversioned.Headers.CacheControl!.NoCache, unversioned.Headers.CacheControl.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutTheAntiForgeryToken_IsRefused()
    {
        var response = await factory.Anonymous().PostAsync(new Uri("/dang-nhap", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "viewer", ["password"] = DashboardFactory.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Overview_ShowsEveryKpiByItsVietnameseName_WithSecurityHeaders()
    {
        var client = await factory.SignedInAsync();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var catalog = factory.Services.GetRequiredService<Catalog>();
        Assert.All(catalog.Kpis.All, k => Assert.Contains(k.NameVi, html, StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Tháng đang diễn ra", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tháng đang diễn ra", await client.GetStringAsync(new Uri("/?month=2025-01", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/chi-tieu/khong_co_chi_tieu")]
    [InlineData("/chi-tieu/online_dossier_rate?unit=KHONG.CO")]
    [InlineData("/khong-co-trang-nay")]
    public async Task UnknownCodesAndPages_Give404_AsAFriendlyPage(string path)
    {
        var client = await factory.SignedInAsync();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/kpis/khong_co/series", HttpStatusCode.NotFound, "code")]
    [InlineData("/api/kpis/online_dossier_rate/series?unit=KHONG.CO", HttpStatusCode.NotFound, "unit")]
    [InlineData("/api/kpis/online_dossier_rate/series?months=500", HttpStatusCode.BadRequest, "months")]
    [InlineData("/api/kpis/online_dossier_rate/series?grain=fortnight", HttpStatusCode.BadRequest, "grain")]
    [InlineData("/api/kpis/online_dossier_rate/latest?asOf=23-11-2026", HttpStatusCode.BadRequest, "asOf")]
    [InlineData("/api/kpis/online_dossier_rate/series?grain=7", HttpStatusCode.BadRequest, "grain")]
    public async Task Api_BadParameters_SayWhichAndWhy(string path, HttpStatusCode status, string parameter)
    {
        var client = await factory.SignedInAsync();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, body.RootElement.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/kpis", null, HttpStatusCode.Unauthorized, "Cần đăng nhập")]
    [InlineData("/api/kpis", "sai", HttpStatusCode.Unauthorized, "Khóa API trong tiêu đề X-API-Key không đúng")]
    [InlineData("/api/kpis/online_dossier_rate/series?months=abc", DashboardFactory.ApiKey, HttpStatusCode.BadRequest, "months là số nguyên")]
    [InlineData("/api/khong-co", DashboardFactory.ApiKey, HttpStatusCode.NotFound, "Không có địa chỉ API này")]
    public async Task Api_Refusals_AreJsonSayingWhy_NeverTheHtmlErrorPage(string path, string? key, HttpStatusCode status, string text)
    {
        var client = factory.Anonymous();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(text, body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grain=7", "'grain' = '7'")]
    [InlineData("grain=day", "'grain' = 'day'")]
    [InlineData("months=0", "'months' = '0'")]
    [InlineData("size=1920", "'size' = '1920'")]
    public async Task TrendChart_BadParameters_Are400NamingTheParameter(string query, string text)
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri("/bieu-do/xu-huong/online_dossier_rate.png?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost/chi-tieu/online_dossier_rate?unit=LCU", "/chi-tieu/online_dossier_rate?unit=LCU")]
    [InlineData("http://localhost//ke-xau.example/", "/")]
    [InlineData("khong-phai-dia-chi", "/")]
    public async Task LanguageSwitch_GoesBackToTheSamePage_ButNeverOffSite(string referer, string location)
    {
        var client = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ngon-ngu/en", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Referer", referer);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Rollups_OnThePageAndInTheApi_AreSumOfPartsNotMeanOfPercentages()
    {
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var month = VietnamTime.StartOf(PeriodBucket.Floor(VietnamTime.DateOf(DateTimeOffset.UtcNow), PeriodGranularity.Month));
        await store.WriteAsync(
        [
            Observation.Ratio("digitization_rate", "LCU.X.BANGIANG", month, 12, 12, "test"),
            Observation.Ratio("digitization_rate", "LCU.X.NATAM", month, 1000, 5000, "test"),
        ], CancellationToken.None);
        var client = await factory.SignedInAsync();

        using var latest = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/kpis/digitization_rate/latest", UriKind.Relative)));
        string page = await client.GetStringAsync(new Uri("/chi-tieu/digitization_rate", UriKind.Relative));
        string overview = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        var rollup = latest.RootElement.GetProperty("rollup");
        Assert.Equal(1012, rollup.GetProperty("numerator").GetDouble());
        Assert.Equal(5012, rollup.GetProperty("denominator").GetDouble());
        Assert.Equal(1012.0 / 5012.0 * 100, rollup.GetProperty("value").GetDouble(), 9);
        Assert.Contains("Xã Bản Giang", page, StringComparison.Ordinal);
        Assert.Contains("100,0 %", page, StringComparison.Ordinal);
        Assert.Contains("20,2 %", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("60,0 %", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiQuarters_AddUpTheMonthsOfAFlow_AndKeepTheLastMonthOfALevel()
    {
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        DateTimeOffset Month(int month) => VietnamTime.StartOf(new DateOnly(2025, month, 1));
        await store.WriteAsync(
        [
            Observation.Scalar("dossiers_received", "LCU.X.NATAM", Month(4), 100, "test"),
            Observation.Scalar("dossiers_received", "LCU.X.NATAM", Month(5), 200, "test"),
            Observation.Scalar("dossiers_received", "LCU.X.NATAM", Month(6), 300, "test"),
            Observation.Ratio("antimalware_coverage", "LCU.X.NATAM", Month(4), 10, 40, "test"),
            Observation.Ratio("antimalware_coverage", "LCU.X.NATAM", Month(6), 30, 40, "test"),
        ], CancellationToken.None);
        var client = await factory.SignedInAsync();

        async Task<JsonElement> SecondQuarterAsync(string kpi)
        {
            using var series = JsonDocument.Parse(await client.GetStringAsync(
                new Uri($"/api/kpis/{kpi}/series?unit=LCU.X.NATAM&months=120&grain=quarter", UriKind.Relative)));
            return series.RootElement.GetProperty("points").EnumerateArray()
                .Single(p => p.GetProperty("period").GetString() == "2025-04-01").GetProperty("value").Clone();
        }

        Assert.Equal(600, (await SecondQuarterAsync("dossiers_received")).GetProperty("value").GetDouble());
        var coverage = await SecondQuarterAsync("antimalware_coverage");
        Assert.Equal(30, coverage.GetProperty("numerator").GetDouble());
        Assert.Equal(75, coverage.GetProperty("value").GetDouble(), 9);
    }

    [Theory]
    [InlineData("dossiers_received", "Mỗi quý là tổng số liệu của ba tháng trong quý")]
    [InlineData("antimalware_coverage", "Mỗi quý là số liệu của tháng cuối quý")]
    public async Task KpiPage_ByQuarter_SaysWhetherAQuarterAddsItsMonthsUp(string kpi, string note)
    {
        var client = await factory.SignedInAsync();

        string quarterly = await client.GetStringAsync(new Uri($"/chi-tieu/{kpi}?grain=quarter", UriKind.Relative));
        string monthly = await client.GetStringAsync(new Uri($"/chi-tieu/{kpi}", UriKind.Relative));

        Assert.Contains(note, quarterly, StringComparison.Ordinal);
        Assert.DoesNotContain("data-time-rollup", monthly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrendChart_IsAPng_ForASignedInUser()
    {
        var client = await factory.SignedInAsync();
        var response = await client.GetAsync(new Uri("/bieu-do/xu-huong/online_dossier_rate.png?months=12", UriKind.Relative));
        byte[] png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.True(png.Length > 5_000);
        Assert.Equal(0x89, png[0]);
    }
}
