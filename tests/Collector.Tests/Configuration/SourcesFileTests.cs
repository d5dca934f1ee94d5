using KpiMonitor.Collector.Polling;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.Configuration;

public sealed class SourcesFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kpimonitor-sources-").FullName;
    private readonly Catalog _catalog = CatalogLoader.Load(RepoPaths.Config);

    [Fact]
    public void ShippedSourcesFile_Loads_WithEverySecretSet()
    {
        var sources = SourceLoader.Load(new SourceLoadContext(_catalog, RepoPaths.Config, MissedRunPolicy.Check, _ => true));

        Assert.Contains(sources, s => s.Code == "eoffice" && s.Enabled);
        Assert.Equal(_catalog.Units.Units.Count, Assert.Single(sources, s => s.Code == "antimalware").UnitMap.Count);
        var vendor = Assert.Single(sources, s => s.Code == "example-onestop-vendor").DossierMapping;
        Assert.Equal(("trang", "soBanGhi", "ketQua.danhSach", "ketQua.tongSo"), (vendor.Paging.PageParameter, vendor.Paging.SizeParameter, vendor.Paging.ItemsPath, vendor.Paging.TotalPath));
        Assert.Equal(("DonViXuLy", "CoNghiaVuTaiChinh"), (vendor.Fields.Unit, vendor.Fields.FeeBearing));
    }

    [Fact]
    public void ShippedSourcesFile_WithoutSecrets_NamesEachMissingVariable()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            SourceLoader.Load(new SourceLoadContext(_catalog, RepoPaths.Config, MissedRunPolicy.Check, _ => false)));

        Assert.Contains(error.Errors, e => e.Path == "$.sources[0].auth.secret" && e.Message.Contains("KPIMONITOR_EOFFICE_SECRET", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Errors, e => e.Path.StartsWith("$.sources[2]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"auth\": { \"type\": \"basic\", \"username\": \"u\", \"password\": \"hunter2\" }", "$.sources[0].auth.password", "không ghi bí mật")]
    [InlineData("\"schedule\": \"every hour\"", "$.sources[0].schedule", "cron")]
    [InlineData("\"kind\": \"ftp\"", "$.sources[0].kind", "'ftp' không hợp lệ")]
    [InlineData("\"baseUrl\": \"ftp://x\"", "$.sources[0].baseUrl", "http")]
    [InlineData("\"unitMap\": { \"X1\": \"NO.SUCH\" }", "$.sources[0].unitMap.X1", "'NO.SUCH' không có")]
    [InlineData("\"pageSize\": 5000", "$.sources[0].pageSize", "1–500")]
    [InlineData("\"unitMap\": { \"X1\": \"LCU\", \"X2\": \"LCU\" }", "$.sources[0].unitMap.X2", "đã được ánh xạ từ một mã nguồn khác")]
    public void AMistake_InOneSource_IsReportedWithItsPath(string property, string path, string message)
    {
        string entry = "{ \"code\": \"x\", \"nameVi\": \"Nguồn X\", \"kind\": \"eoffice\", \"schedule\": \"0 0 * * * ?\", \"baseUrl\": \"http://127.0.0.1:1\", " + property + " }";
        entry = entry.Replace("\"kind\": \"eoffice\", \"schedule\": \"0 0 * * * ?\", \"schedule\"", "\"kind\": \"eoffice\", \"schedule\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir, "sources.json"), "{ \"sources\": [" + Dedupe(entry) + "] }");

        var error = Assert.Throws<ConfigValidationException>(() => SourceLoader.Load(new SourceLoadContext(_catalog, _dir, MissedRunPolicy.Check, _ => true)));

        Assert.Contains(error.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnHttpJsonMapping_IsCheckedAgainstTheCatalogue()
    {
        File.WriteAllText(Path.Combine(_dir, "sources.json"), """
            { "sources": [ { "code": "j", "nameVi": "J", "kind": "http-json", "schedule": "0 0 * * * ?", "baseUrl": "http://127.0.0.1:1",
              "mapping": { "path": "x", "unitPath": "u", "kpis": [ { "kpi": "online_dossier_rate", "valuePath": "v" }, { "kpi": "nope", "valuePath": "v" } ] } } ] }
            """);

        var error = Assert.Throws<ConfigValidationException>(() => SourceLoader.Load(new SourceLoadContext(_catalog, _dir, MissedRunPolicy.Check, _ => true)));

        Assert.Contains(error.Errors, e => e.Path == "$.sources[0].mapping.kpis[0]" && e.Message.Contains("numeratorPath", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "$.sources[0].mapping.kpis[1].kpi");
    }

    [Theory]
    [InlineData("\"paging\": { \"mode\": \"pages\" }", "$.sources[0].mapping.paging.mode", "'pages'")]
    [InlineData("\"paging\": { \"mode\": \"page\", \"pageParameter\": \"trang&x=1\" }", "$.sources[0].mapping.paging.pageParameter", "trang&x=1")]
    [InlineData("\"paging\": { \"mode\": \"offset\", \"offsetParameter\": \"n\", \"sizeParameter\": \"n\" }", "$.sources[0].mapping.paging", "trùng tên 'n'")]
    [InlineData("\"fields\": { \"unitt\": \"DonViXuLy\" }", "$.sources[0].mapping.fields.unitt", "không được hỗ trợ")]
    [InlineData("\"fields\": { \"received\": null }", "$.sources[0].mapping.fields.received", "bắt buộc")]
    [InlineData("\"dateFormats\": [ \"yyyyMMddHHmmss\", \"HH:mm\" ]", "$.sources[0].mapping.dateFormats[1]", "'HH:mm'")]
    [InlineData("\"path\": \"api/hoso?ky={period}&trang={page}\"", "$.sources[0].mapping.path", "'{page}'")]
    [InlineData("\"codes\": { \"finishedStatuses\": [ \"9\" ], \"pendingStatuses\": [ \"9\", \"4\" ] }", "$.sources[0].mapping.codes", "'9'")]
    [InlineData("\"codes\": { \"onlineChannels\": [ \"TRUC_TUYEN\" ] }", "$.sources[0].mapping.codes.onlineChannels", "'TRUC_TUYEN'")]
    [InlineData("\"itemsPath\": 3", "$.sources[0].mapping.itemsPath", "chuỗi")]
    [InlineData("\"envelope\": \"ketQua\"", "$.sources[0].mapping.envelope", "không được hỗ trợ")]
    public void AWrongDossierMapping_StopsTheStart_NamingFileAndPath(string property, string path, string message)
    {
        File.WriteAllText(Path.Combine(_dir, "sources.json"), $$"""
            { "sources": [ { "code": "d", "nameVi": "D", "kind": "onestop-dossiers", "schedule": "0 0 * * * ?", "baseUrl": "http://127.0.0.1:1",
              "mapping": { {{property}} } } ] }
            """);

        var error = Assert.Throws<ConfigValidationException>(() => SourceLoader.Load(new SourceLoadContext(_catalog, _dir, MissedRunPolicy.Check, _ => true)));

        Assert.Contains(error.Errors, e => e.File.EndsWith("sources.json", StringComparison.Ordinal) && e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ADossierSourceWithoutMapping_ReadsTheNationalSyncShape_AndAVendorMappingIsRead()
    {
        File.WriteAllText(Path.Combine(_dir, "sources.json"), """
            { "sources": [
              { "code": "quocgia", "nameVi": "Q", "kind": "onestop-dossiers", "schedule": "0 0 * * * ?", "baseUrl": "http://127.0.0.1:1" },
              { "code": "hangkhac", "nameVi": "H", "kind": "onestop-dossiers", "schedule": "0 0 * * * ?", "baseUrl": "http://127.0.0.1:1",
                "mapping": { "path": "api/v2/hoso", "paging": { "mode": "cursor", "cursorParameter": "tiep", "nextCursorPath": "ketQua.tiep" },
                  "itemsPath": "ketQua.danhSach", "totalPath": null, "fields": { "unit": "coQuan.ma", "fullOnline": null }, "dateFormats": [ "yyyyMMddHHmmss" ] } } ] }
            """);

        var sources = SourceLoader.Load(new SourceLoadContext(_catalog, _dir, MissedRunPolicy.Check, _ => true));

        Assert.Equal(KpiMonitor.Shared.Sources.DossierSourceMapping.NationalSync, sources[0].DossierMapping);
        var vendor = sources[1].DossierMapping;
        Assert.Equal(("api/v2/hoso", 0), (vendor.Path, vendor.LookbackMonths));
        Assert.Equal((KpiMonitor.Shared.Sources.PagingMode.Cursor, "tiep", "ketQua.tiep", "ketQua.danhSach", (string?)null),
            (vendor.Paging.Mode, vendor.Paging.CursorParameter, vendor.Paging.NextCursorPath, vendor.Paging.ItemsPath, vendor.Paging.TotalPath));
        Assert.Equal(("coQuan.ma", "MaHoSo", (string?)null), (vendor.Fields.Unit, vendor.Fields.Id, vendor.Fields.FullOnline));
        Assert.Equal(["yyyyMMddHHmmss"], vendor.DateFormats);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A test property that repeats a key of the base entry replaces it, so the file has each key once.
    private static string Dedupe(string entry)
    {
        foreach (string key in new[] { "schedule", "kind", "baseUrl" })
        {
            string marker = $"\"{key}\":";
            int first = entry.IndexOf(marker, StringComparison.Ordinal);
            int second = entry.IndexOf(marker, first + 1, StringComparison.Ordinal);
            if (second > 0)
            {
                int end = entry.IndexOf(',', first);
                entry = entry.Remove(first, end - first + 1);
            }
        }

        return entry;
    }
}
