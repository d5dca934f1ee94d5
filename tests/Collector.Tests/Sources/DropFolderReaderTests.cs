using System.Globalization;
using System.Text;
using KpiMonitor.Collector.Sources;
using KpiMonitor.Collector.Sources.DropFolder;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Collector.Tests.Sources;

public sealed class DropFolderReaderTests : IDisposable
{
    private const string GoodCsv = $"kpi,unit,period,value,numerator,denominator\n{TestCatalog.Ratio},P,2024-06,,16,37\n{TestCatalog.Rank},P,2019,27,,\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kpimonitor-drop-" + Guid.NewGuid().ToString("N"));
    private readonly string _folder;
    private readonly RecordingSink _sink = new();
    private readonly CapturingLogger<DropFolderReader> _logger = new();

    public DropFolderReaderTests() => _folder = Path.Combine(_root, "inbox");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task GoodCsv_IsHandedToTheSink_ThenMovedToDone_UnderATimestampedName()
    {
        Drop("good.csv", GoodCsv);

        await ReadAsync();

        var batch = Assert.Single(_sink.Batches);
        Assert.Equal([TestCatalog.Ratio, TestCatalog.Rank], batch.Select(o => o.Kpi));
        Assert.All(batch, o => Assert.Equal("drop", o.Source));
        Assert.Empty(Directory.GetFiles(_folder));
        Assert.Matches(@"^\d{8}-\d{6}_good\.csv$", Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(_folder, "done")))));
        Assert.Empty(_sink.Rejects);
    }

    [Fact]
    public async Task MissingFolder_IsCreated_WithDoneAndFailed()
    {
        await ReadAsync();

        Assert.True(Directory.Exists(Path.Combine(_folder, "done")));
        Assert.True(Directory.Exists(Path.Combine(_folder, "failed")));
    }

    [Fact]
    public async Task BadFile_GoesToFailed_WithAnErrorList_AndEveryErrorIsRejected_AndNothingIsAdded()
    {
        Drop("bad.csv", $"kpi,unit,period,value\n{TestCatalog.Rank},P,2024,x\nno_such_kpi,P.SNV,2024,3\n");

        await ReadAsync();

        Assert.Empty(_sink.Batches);
        string moved = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "failed"), "*.csv"));
        string errors = await File.ReadAllTextAsync(moved + ".loi.txt");
        Assert.Contains("dòng 2, cột 'value': 'x' không phải số", errors);
        Assert.Contains("dòng 3, cột 'kpi': chỉ tiêu 'no_such_kpi' không có trong danh mục", errors);
        Assert.Equal(
        [
            ("P", "value", "tệp 'bad.csv': dòng 2, cột 'value': 'x' không phải số"),
            ("P.SNV", "kpi", "tệp 'bad.csv': dòng 3, cột 'kpi': chỉ tiêu 'no_such_kpi' không có trong danh mục"),
        ], _sink.Rejects);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("bad.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileLevelError_IsRejectedForTheFileAsAWhole()
    {
        Drop("no-unit.csv", "kpi,period,value\nx,2024,1\n");

        await ReadAsync();

        var (unit, field, problem) = Assert.Single(_sink.Rejects);
        Assert.Equal(("(tệp)", "(tệp)"), (unit, field));
        Assert.StartsWith("tệp 'no-unit.csv': dòng tiêu đề (dòng 1) thiếu cột mã đơn vị", problem);
    }

    [Fact]
    public async Task HalfGoodFile_AddsNothing()
    {
        Drop("half.csv", GoodCsv + $"{TestCatalog.Rank},P,2020,0,,\n");

        await ReadAsync();

        Assert.Empty(_sink.Batches);
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "failed"), "*.loi.txt"));
    }

    [Fact]
    public async Task FileStillBeingWritten_IsLeftForLater_ThenImported()
    {
        string path = Drop("new.csv", GoodCsv, age: TimeSpan.Zero);

        await ReadAsync(settle: DropFolderReader.DefaultSettleTime);
        Assert.Empty(_sink.Batches);
        Assert.True(File.Exists(path));

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        await ReadAsync(settle: DropFolderReader.DefaultSettleTime);
        Assert.Single(_sink.Batches);
    }

    [Fact]
    public async Task ProcessedFiles_AreNotReadAgain()
    {
        Drop("good.csv", GoodCsv);
        Drop("bad.csv", "kpi,unit,period,value\nx,P,2024,1\n");

        await ReadAsync();
        await ReadAsync();

        Assert.Single(_sink.Batches);
        Assert.Single(_sink.Rejects);
    }

    [Fact]
    public async Task LockFilesHiddenFilesAndOtherTypes_AreLeftAlone()
    {
        Drop("~$good.xlsx", "lock");
        Drop(".good.csv", GoodCsv);
        Drop("readme.txt", "hello");

        await ReadAsync();

        Assert.Empty(_sink.Batches);
        Assert.Empty(_sink.Rejects);
        Assert.Equal(3, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public async Task Files_AreImportedOldestFirst()
    {
        Drop("b-newer.csv", $"kpi,unit,period,value\n{TestCatalog.Rank},P,2024,2\n", age: TimeSpan.FromMinutes(1));
        Drop("a-older.csv", $"kpi,unit,period,value\n{TestCatalog.Rank},P,2023,3\n", age: TimeSpan.FromMinutes(5));

        await ReadAsync();

        Assert.Equal([3.0, 2.0], _sink.Batches.Select(b => b[0].Value!.Value));
    }

    [Fact]
    public async Task SameNameTwiceInOneSecond_DoesNotClashInDone()
    {
        // Real "now", frozen: the settle check compares it with the file system's own clock.
        var now = DateTimeOffset.UtcNow;
        string stamp = VietnamTime.ToLocal(now).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        Drop("good.csv", GoodCsv);
        await ReadAsync(time: new ManualClock(now));
        Drop("good.csv", GoodCsv);
        await ReadAsync(time: new ManualClock(now));

        Assert.Equal([$"{stamp}-2_good.csv", $"{stamp}_good.csv"],
            Directory.GetFiles(Path.Combine(_folder, "done")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Xlsx_EndToEnd()
    {
        Drop("figures.xlsx", XlsxWorkbook.Build(
            ["Chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Tử số", "Mẫu số"],
            [TestCatalog.Ratio, "P", new DateTime(2024, 6, 1), null, 16, 37]));

        await ReadAsync();

        var observation = Assert.Single(Assert.Single(_sink.Batches));
        Assert.Equal((16.0, 37.0), (observation.Numerator, observation.Denominator));
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "done"), "*_figures.xlsx"));
    }

    [Theory]
    [InlineData("<row r=\"-5\"><c r=\"A1\"><v>1</v></c></row>", "số thứ tự không hợp lệ")]
    [InlineData("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>", "chuỗi dùng chung số '99'")]
    [InlineData("<row r=\"2\"><c r=\"A2\"><v>1</v></row>", "tệp hỏng")]
    [InlineData("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>", "giới hạn 256 cột")]
    public async Task PoisonFile_GoesToFailedWithItsReason_AndTheGoodFileBesideItIsStillRead(string sheetData, string reason)
    {
        Drop("a-poison.xlsx", XlsxWorkbook.WithSheetData(XlsxWorkbook.Build(["x"]), sheetData), age: TimeSpan.FromMinutes(5));
        Drop("b-good.csv", GoodCsv, age: TimeSpan.FromMinutes(1));

        await ReadAsync();

        Assert.Equal([TestCatalog.Ratio, TestCatalog.Rank], Assert.Single(_sink.Batches).Select(o => o.Kpi));
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "done"), "*_b-good.csv"));
        string poison = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "failed"), "*_a-poison.xlsx"));
        Assert.Contains(reason, await File.ReadAllTextAsync(poison + ".loi.txt"), StringComparison.Ordinal);
        Assert.Contains(_sink.Rejects, r => r.Problem.StartsWith("tệp 'a-poison.xlsx': ", StringComparison.Ordinal) && r.Problem.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task FiguresForAPeriodNotYetBegun_AreRefused()
    {
        Drop("future.csv", $"kpi,unit,period,value\n{TestCatalog.Rank},P,2200-12,1\n");

        await ReadAsync();

        Assert.Empty(_sink.Batches);
        string moved = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "failed"), "*.csv"));
        Assert.Contains("dòng 2, cột 'period': kỳ 12/2200 chưa đến: chỉ nhận số liệu đến kỳ hiện tại", await File.ReadAllTextAsync(moved + ".loi.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableFolder_ThrowsSourceReadException_NamingTheFolder()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "inbox"), "a file where the folder should be");

        var ex = await Assert.ThrowsAsync<SourceReadException>(() => ReadAsync());

        Assert.Contains(_folder, ex.Message);
    }

    private Task ReadAsync(TimeSpan? settle = null, TimeProvider? time = null)
    {
        var reader = new DropFolderReader(TestCatalog.Create(), time ?? TimeProvider.System, _logger, settle ?? TimeSpan.Zero);
        var source = new SourceDefinition { Code = "drop", NameVi = "Thư mục nhận tệp", Kind = SourceKind.DropFolder, Schedule = "0 * * * * ?", Folder = _folder };
        return reader.ReadAsync(source, _sink, CancellationToken.None);
    }

    private string Drop(string name, object content, TimeSpan? age = null)
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content as byte[] ?? Encoding.UTF8.GetBytes((string)content));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - (age ?? TimeSpan.FromSeconds(10)));
        return path;
    }

    /// <summary>The collector's own sink interface, recorded in memory.</summary>
    private sealed class RecordingSink : IObservationSink
    {
        public List<IReadOnlyList<Observation>> Batches { get; } = [];

        public List<(string Unit, string Field, string Problem)> Rejects { get; } = [];

        public Task AddAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
        {
            Batches.Add(observations);
            return Task.CompletedTask;
        }

        public void Reject(string unit, string field, string problem) => Rejects.Add((unit, field, problem));
    }
}
