using System.Globalization;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.Sources.OneStop;

/// <summary>A vendor mapping that is wrong: in the file (the collector does not start) or for the system (the poll stops).</summary>
public sealed class OneStopDossiersMappingTests
{
    [Fact]
    public void TheCollector_WithAMistakeInTheVendorMapping_DoesNotStart_AndNamesFileAndPath()
    {
        string wrong = DossierBook.VendorMapping.Replace("\"mode\": \"page\"", "\"mode\": \"trang\"", StringComparison.Ordinal)
            .Replace("\"received\": \"NgayNhan\"", "\"recieved\": \"NgayNhan\"", StringComparison.Ordinal);
        string sources = $$"""
            { "sources": [ { "code": "motcua", "nameVi": "Một cửa hãng khác", "kind": "onestop-dossiers", "schedule": "0 0 * * * ?", "baseUrl": "http://127.0.0.1:1/",
              "auth": { "type": "oauth2", "tokenUrl": "oauth2/token", "clientId": "kpimonitor", "secret": "KPIMONITOR_ONESTOP_SECRET" }, {{wrong}} } ] }
            """;

        string root = Directory.CreateTempSubdirectory("kpimonitor-collector-").FullName;
        var error = Assert.Throws<ConfigValidationException>(() => CollectorHarness.Create(sources, root: root));
        Directory.Delete(root, recursive: true);

        Assert.Contains("sources.json $.sources[0].mapping.paging.mode: giá trị 'trang' không hợp lệ", error.Message, StringComparison.Ordinal);
        Assert.Contains("sources.json $.sources[0].mapping.fields.recieved: thuộc tính không được hỗ trợ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceIgnoringTheConfiguredPageParameter_StopsThePollAtTheSecondPage_NamingTheParameter()
    {
        var clock = new ManualClock(DossierBook.Now);
        var book = new DossierBook();

        // The mapping names the page "page" and gives no total; this system knows only "trang" and answers page 1 every time.
        await using var server = await JsonSourceServer.StartAsync("/api/v2/hoso", query =>
            book.VendorPage(query.ContainsKey("trang") ? int.Parse(query["trang"]!, CultureInfo.InvariantCulture) : 1, 25), clock, TimeSpan.FromSeconds(20));
        string mapping = DossierBook.VendorMapping.Replace("\"pageParameter\": \"trang\"", "\"pageParameter\": \"page\"", StringComparison.Ordinal)
            .Replace("\"totalPath\": \"ketQua.tongSo\"", "\"totalPath\": null", StringComparison.Ordinal);
        var harness = CollectorHarness.Create(DossierBook.Sources(server, mapping), clock: clock);
        try
        {
            await using (harness)
            {
                var summary = await harness.PollAsync("motcua");

                Assert.False(summary.Succeeded);
                Assert.Contains("trang 2 của api/v2/hoso?trangThai=tatCa giống hệt trang trước", summary.Error, StringComparison.Ordinal);
                Assert.Contains("'page'", summary.Error, StringComparison.Ordinal);
                Assert.Equal(2, server.DataRequests);
            }
        }
        finally
        {
            harness.DeleteFolder();
        }
    }

    [Theory]
    [InlineData("\"mode\": \"offset\", \"offsetParameter\": \"boQua\", \"sizeParameter\": \"soBanGhi\"", @"^\?trangThai=tatCa&boQua=\d+&soBanGhi=25$")]
    [InlineData("\"mode\": \"cursor\", \"cursorParameter\": \"tiep\", \"sizeParameter\": \"soBanGhi\", \"nextCursorPath\": \"ketQua.tiep\"", @"^\?trangThai=tatCa&soBanGhi=25(&tiep=sau-\d+)?$")]
    public async Task OffsetAndCursorPaging_ReadEveryDossierOnce(string paging, string query)
    {
        var clock = new ManualClock(DossierBook.Now);
        var book = new DossierBook();
        await using var server = await JsonSourceServer.StartAsync("/api/v2/hoso", q =>
        {
            int size = int.Parse(q["soBanGhi"]!, CultureInfo.InvariantCulture);
            return q.ContainsKey("boQua") ? book.VendorSlice(int.Parse(q["boQua"]!, CultureInfo.InvariantCulture), size, withCursor: false)
                : book.VendorSlice(q.ContainsKey("tiep") ? int.Parse(q["tiep"].ToString()["sau-".Length..], CultureInfo.InvariantCulture) : 0, size, withCursor: true);
        }, clock, TimeSpan.FromSeconds(20));
        string mapping = DossierBook.VendorMapping.Replace("\"mode\": \"page\", \"pageParameter\": \"trang\", \"sizeParameter\": \"soBanGhi\"", paging, StringComparison.Ordinal);
        if (paging.Contains("cursor", StringComparison.Ordinal))
        {
            // A cursor source gives no total: the walk ends where no next cursor is given.
            mapping = mapping.Replace("\"totalPath\": \"ketQua.tongSo\"", "\"totalPath\": null", StringComparison.Ordinal);
        }

        var harness = CollectorHarness.Create(DossierBook.Sources(server, mapping), clock: clock);
        try
        {
            await using (harness)
            {
                var summary = await harness.PollAsync("motcua");

                Assert.True(summary.Succeeded, summary.Error);
                Assert.True(summary.RejectedRecords == 0, string.Join("\n", summary.Problems));
                Assert.Equal((book.Count + 24) / 25, server.DataRequests);
                Assert.All(server.Queries, q => Assert.Matches(query, q));
                Assert.Equal(server.DataRequests, server.Queries.Distinct(StringComparer.Ordinal).Count());
            }
        }
        finally
        {
            harness.DeleteFolder();
        }
    }
}
