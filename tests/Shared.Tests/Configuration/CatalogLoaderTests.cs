using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Shared.Tests.Configuration;

public sealed class CatalogLoaderTests : IDisposable
{
    private const string Kpis = """
        { "kpis": [
          { "code": "online_dossier_rate", "nameVi": "Tỷ lệ hồ sơ nộp trực tuyến", "nameEn": "Online dossier rate", "kind": "ratio",
            "displayUnit": "%", "direction": "higher", "rollup": "sumRatio", "period": "monthly", "sourceSystem": "one-stop",
            "definitionVi": "Hồ sơ trực tuyến ÷ hồ sơ tiếp nhận" },
          { "code": "late_dossiers", "nameVi": "Số hồ sơ trễ hạn", "nameEn": "Late dossiers", "kind": "count",
            "displayUnit": "hồ sơ", "direction": "lower", "rollup": "sum", "timeRollup": "sum", "period": "monthly", "sourceSystem": "one-stop",
            "definitionVi": "Số hồ sơ quá hạn" }
        ] }
        """;

    private const string Units = """
        { "levels": [ { "code": "province", "nameVi": "Cấp tỉnh" }, { "code": "district", "nameVi": "Cấp huyện" }, { "code": "commune", "nameVi": "Cấp xã" } ],
          "units": [
            { "code": "LCU", "nameVi": "Tỉnh Lai Châu", "level": "province" },
            { "code": "LCU.H.TDU", "nameVi": "Huyện Tam Đường", "level": "district", "parent": "LCU", "validTo": "2025-06-30" },
            { "code": "LCU.X.BGI", "nameVi": "Xã Bản Giang", "level": "commune", "parent": "LCU.H.TDU", "moves": [ { "from": "2025-07-01", "parent": "LCU" } ] }
          ] }
        """;

    private const string Targets = """
        { "targets": [
          { "kpi": "online_dossier_rate", "from": 2025, "to": 2027, "value": 50, "warningBand": 5, "document": "Bộ chỉ số 766" },
          { "kpi": "late_dossiers", "year": 2025, "level": "commune", "value": 0, "warningBand": 10 }
        ] }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("kpimonitor-config-").FullName;

    [Fact]
    public void ValidFiles_Load()
    {
        var catalog = Load();

        Assert.Equal(2, catalog.Kpis.All.Count);
        Assert.Equal(3, catalog.Units.Units.Count);
        Assert.Equal("LCU", catalog.Units.AsOf(new DateOnly(2025, 8, 1)).ParentOf("LCU.X.BGI")!.Code);
        Assert.Equal(50, catalog.Targets.For("online_dossier_rate", catalog.Units.Find("LCU")!, 2026)!.Value);
        Assert.Equal(TimeRollup.Last, catalog.Kpis.Find("online_dossier_rate")!.TimeRollup);
        Assert.Equal(TimeRollup.Sum, catalog.Kpis.Find("late_dossiers")!.TimeRollup);
    }

    [Theory]
    [InlineData("targets", "\"online_dossier_rate\", \"from\"", "\"no_such_kpi\", \"from\"", "targets.json $.targets[0].kpi", "'no_such_kpi' không có trong kpis.json")]
    [InlineData("targets", "\"value\": 50", "\"value\": 150", "targets.json $.targets[0].value", "0–100")]
    [InlineData("units", "\"code\": \"LCU.X.BGI\"", "\"code\": \"LCU.H.TDU\"", "units.json $.units[2].code", "bị trùng với $.units[1]")]
    [InlineData("units", "\"nameVi\": \"Xã Bản Giang\"", "\"nameVi\": \"  \"", "units.json $.units[2].nameVi", "không được để trống")]
    [InlineData("units", "\"parent\": \"LCU.H.TDU\"", "\"parent\": \"LCU.H.XXX\"", "units.json $.units[2].parent", "'LCU.H.XXX' không có")]
    [InlineData("units", "\"level\": \"commune\"", "\"level\": \"hamlet\"", "units.json $.units[2].level", "'hamlet'")]
    [InlineData("units", "\"nameVi\": \"Tỉnh Lai Châu\"", "\"nameVI\": \"Tỉnh Lai Châu\"", "units.json $.units[0].nameVI", "không được hỗ trợ")]
    [InlineData("kpis", "\"rollup\": \"sum\"", "\"rollup\": \"sumRatio\"", "kpis.json $.kpis[1].rollup", "không dùng được")]
    [InlineData("kpis", "\"kind\": \"count\"", "\"kind\": \"tally\"", "kpis.json $.kpis[1].kind", "'tally' không hợp lệ")]
    [InlineData("kpis", "\"timeRollup\": \"sum\"", "\"timeRollup\": \"average\"", "kpis.json $.kpis[1].timeRollup", "'average' không hợp lệ")]
    [InlineData("kpis", "\"kind\": \"count\"", "\"kind\": \"score\"", "kpis.json $.kpis[1].timeRollup", "loại 'score' không cộng dồn được qua các kỳ")]
    [InlineData("kpis", "\"code\": \"late_dossiers\"", "\"code\": \"online_dossier_rate\"", "kpis.json $.kpis[1].code", "bị trùng")]
    [InlineData("targets", "\"year\": 2025, \"level\"", "\"year\": 2025, \"from\": 2024, \"level\"", "targets.json $.targets[1]", "không dùng cả hai")]
    public void OneMistake_IsReportedWithFilePathAndProblem(string file, string find, string replace, string where, string what)
    {
        var error = Assert.Throws<ConfigValidationException>(() => Load(file, find, replace));

        Assert.Contains(error.Errors, e => e.ToString().Contains(where, StringComparison.Ordinal) && e.Message.Contains(what, StringComparison.Ordinal));
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACycleInTheTree_IsReported_EvenWhenItOnlyExistsAfterAMove()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            Load("units", "\"validTo\": \"2025-06-30\"", "\"validTo\": \"2025-12-31\", \"moves\": [ { \"from\": \"2025-06-01\", \"parent\": \"LCU.X.BGI\" } ]"));

        Assert.Contains(error.Errors, e => e.Message.Contains("vòng lặp", StringComparison.Ordinal) && e.Message.Contains("2025-06-01", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenJson_IsReportedWithLineAndColumn()
    {
        var error = Assert.Throws<ConfigValidationException>(() => Load("targets", "\"warningBand\": 5,", "\"warningBand\": 5 ,,"));

        var only = Assert.Single(error.Errors);
        Assert.EndsWith("targets.json", only.File, StringComparison.Ordinal);
        Assert.Contains("dòng 2", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsReported()
    {
        Load();
        File.Delete(Path.Combine(_dir, "units.json"));

        var error = Assert.Throws<ConfigValidationException>(() => CatalogLoader.Load(_dir));

        Assert.Contains(error.Errors, e => e.File.EndsWith("units.json", StringComparison.Ordinal) && e.Message.Contains("không tìm thấy", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralMistakes_AreAllReportedAtOnce()
    {
        File.WriteAllText(Path.Combine(_dir, "kpis.json"), Kpis);
        File.WriteAllText(Path.Combine(_dir, "units.json"), Units.Replace("\"level\": \"province\"", "\"level\": \"x\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "targets.json"), Targets.Replace("\"value\": 50", "\"value\": -1", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigValidationException>(() => CatalogLoader.Load(_dir));

        Assert.True(error.Errors.Count >= 2);
        Assert.Contains(error.Errors, e => e.File.EndsWith("units.json", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.File.EndsWith("targets.json", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Catalog Load(string? file = null, string? find = null, string? replace = null)
    {
        string Text(string name, string text)
        {
            if (name != file)
            {
                return text;
            }

            Assert.Contains(find!, text, StringComparison.Ordinal);
            return text.Replace(find!, replace, StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(_dir, "kpis.json"), Text("kpis", Kpis));
        File.WriteAllText(Path.Combine(_dir, "units.json"), Text("units", Units));
        File.WriteAllText(Path.Combine(_dir, "targets.json"), Text("targets", Targets));
        return CatalogLoader.Load(_dir);
    }
}
