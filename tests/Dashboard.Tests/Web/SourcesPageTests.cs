using KpiMonitor.Dashboard.Auth;
using System.Net;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed partial class SourcesPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task SourcesPage_ListsEveryConfiguredSource_StaleUntilARecentSuccessIsRecorded()
    {
        var client = await factory.SignedInAsync(Roles.Operator);
        var configured = ConfiguredSources();

        string before = await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative));

        Assert.Contains("href=\"/nguon-du-lieu\"", before, StringComparison.Ordinal);
        Assert.Equal(configured.Count, RowPattern().Count(before));
        Assert.All(configured, s =>
        {
            string row = Row(before, s.Code);
            Assert.Contains(s.NameVi, row, StringComparison.Ordinal);
            Assert.Contains("data-stale=\"true\"", row, StringComparison.Ordinal);
            // A disabled source is not late: it says it is off instead.
            Assert.Contains(s.Enabled ? "Dữ liệu cũ" : "Đang tắt", row, StringComparison.Ordinal);
            Assert.Contains("Chưa chạy lần nào", row, StringComparison.Ordinal);
        });
        Assert.Contains("Mỗi giờ, vào phút 05", Row(before, "eoffice"), StringComparison.Ordinal);
        Assert.Contains("Hằng ngày lúc 06:30", Row(before, "portal766"), StringComparison.Ordinal);

        var health = factory.Services.GetRequiredService<ISourceHealthStore>();
        var run = DateTimeOffset.UtcNow.AddMinutes(-5);
        await health.WriteSourceHealthAsync(new SourceHealth("eoffice", run, run, null, TimeSpan.FromSeconds(3.4), 1234, 0), CancellationToken.None);
        await health.WriteSourceHealthAsync(new SourceHealth("antimalware", run, run.AddDays(-3), "Máy chủ trả lời 503", TimeSpan.FromSeconds(30), 0, 4),
            CancellationToken.None);

        string after = await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative));

        string eoffice = Row(after, "eoffice");
        Assert.Contains("data-stale=\"false\"", eoffice, StringComparison.Ordinal);
        Assert.Contains("Còn mới", eoffice, StringComparison.Ordinal);
        Assert.DoesNotContain("Dữ liệu cũ", eoffice, StringComparison.Ordinal);
        Assert.Contains(VietnamTime.ToLocal(run).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), eoffice, StringComparison.Ordinal);
        Assert.Contains("1.234", eoffice, StringComparison.Ordinal);
        Assert.Contains("3,4", eoffice, StringComparison.Ordinal);

        // A run that failed for three days is still stale (its threshold is 30 hours), and says why.
        string antimalware = Row(after, "antimalware");
        Assert.Contains("data-stale=\"true\"", antimalware, StringComparison.Ordinal);
        Assert.Contains("Máy chủ trả lời 503", antimalware, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu cũ", Row(after, "onestop"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcesPage_CountsUnitsAndTheNewestPeriodEachSourceReported()
    {
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var month = VietnamTime.StartOf(new DateOnly(2024, 5, 1));
        await store.WriteAsync(
        [
            Observation.Ratio("online_dossier_rate", "LCU.X.BANGIANG", month, 10, 20, "onestop"),
            Observation.Ratio("online_dossier_rate", "LCU.X.NATAM", month.AddMonths(-1), 10, 20, "onestop"),
        ], CancellationToken.None);
        var client = await factory.SignedInAsync();

        string row = Row(await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative)), "onestop");

        Assert.Matches(@"<td class=""num"">2</td>\s*<td>01/05/2024</td>", row);
    }

    [Fact]
    public async Task SourcesPage_InEnglish_UsesEnglishWords()
    {
        var client = await factory.SignedInAsync();
        await client.GetAsync(new Uri("/ngon-ngu/en", UriKind.Relative));

        string html = await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative));

        Assert.Contains("Data sources", html, StringComparison.Ordinal);
        Assert.Contains("Every hour at :05", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcesPage_WithoutLogin_GoesToTheLoginPage()
    {
        var response = await factory.Anonymous().GetAsync(new Uri("/nguon-du-lieu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private IReadOnlyList<SourceDefinition> ConfiguredSources()
    {
        var catalog = factory.Services.GetRequiredService<Catalog>();
        return SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory));
    }

    internal static string Row(string html, string source)
    {
        int start = html.IndexOf($"<tr data-source=\"{source}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for source {source}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr data-source=")]
    private static partial Regex RowPattern();
}
