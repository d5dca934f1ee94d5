using KpiMonitor.Reports.Archive;
using KpiMonitor.Reports.Generation;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Reports.Tests.Archive;

/// <summary>The archive of generated reports in a real temporary folder: layout, listing, atomic writes, refused names.</summary>
public sealed class ReportArchiveTests : IDisposable
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateTimeOffset Generated = new(2026, 11, 2, 0, 0, 5, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("kpimonitor-archive-").FullName;
    private readonly ReportArchive _archive;

    public ReportArchiveTests() =>
        _archive = new ReportArchive(Options.Create(new ReportArchiveOptions { ArchiveFolder = _root }), TestCatalog.Create());

    [Fact]
    public async Task Save_WritesThreeFilesPerMonthAndUnit_AndTheListingTellsFormatsSizesAndTime()
    {
        await _archive.SaveAsync(Files(TestCatalog.CommuneA, October, pdfSize: 10), CancellationToken.None);
        await _archive.SaveAsync(Files(TestCatalog.Province, October.AddMonths(-1), pdfSize: 20), CancellationToken.None);

        string pdf = Path.Combine(_root, "2026-10", TestCatalog.CommuneA, $"bao-cao-{TestCatalog.CommuneA}-2026-10.pdf");
        Assert.True(File.Exists(pdf));
        var listed = _archive.List();
        Assert.Equal([(October, TestCatalog.CommuneA), (October.AddMonths(-1), TestCatalog.Province)], listed.Select(r => (r.Month, r.UnitCode)));
        var first = listed[0];
        Assert.Equal([ReportFormat.Pdf, ReportFormat.Docx, ReportFormat.Xlsx], first.Files.Select(f => f.Format));
        Assert.Equal([10L, 3L, 4L], first.Files.Select(f => f.Size));
        Assert.Equal(Generated, first.GeneratedAt);
    }

    [Fact]
    public async Task Save_ReplacesAnEarlierReport_AndLeavesNoTemporaryFile()
    {
        await _archive.SaveAsync(Files(TestCatalog.CommuneA, October, pdfSize: 10), CancellationToken.None);
        await _archive.SaveAsync(Files(TestCatalog.CommuneA, October, pdfSize: 30), CancellationToken.None);

        var report = Assert.Single(_archive.List());
        Assert.Equal(30, report.File(ReportFormat.Pdf)!.Size);
        Assert.Equal(3, Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Save_WhileAReaderHoldsTheOldFile_TheReaderKeepsTheWholeOldFile()
    {
        await _archive.SaveAsync(Files(TestCatalog.CommuneA, October, pdfSize: 1000), CancellationToken.None);
        string path = _archive.Find(TestCatalog.CommuneA, October)!.File(ReportFormat.Pdf)!.FullPath;
        await using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        await _archive.SaveAsync(Files(TestCatalog.CommuneA, October, pdfSize: 5), CancellationToken.None);

        // Written in place, the open file would now be 5 bytes long; moved over, the reader still has all 1000.
        var old = new byte[2000];
        Assert.Equal(1000, await reader.ReadAsync(old));
        Assert.Equal(5, new FileInfo(path).Length);
    }

    [Theory]
    [InlineData("../P")]
    [InlineData("..")]
    [InlineData("P/../../etc")]
    [InlineData("/etc")]
    [InlineData("NOT-A-UNIT")]
    public async Task AUnitOutsideTheCatalogue_IsRefused_AndNothingIsWrittenOrFound(string unit)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _archive.SaveAsync(Files(unit, October, pdfSize: 1), CancellationToken.None));

        Assert.Null(_archive.Find(unit, October));
        Assert.Empty(Directory.GetFileSystemEntries(_root));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, $"bao-cao-{unit}-2026-10.pdf")));
    }

    [Fact]
    public void Listing_SkipsFoldersThatAreNotMonthsOrUnits()
    {
        Directory.CreateDirectory(Path.Combine(_root, "khac", TestCatalog.Province));
        Directory.CreateDirectory(Path.Combine(_root, "2026-10", "LA"));
        File.WriteAllText(Path.Combine(_root, "2026-10", "LA", "bao-cao-LA-2026-10.pdf"), "x");

        Assert.Empty(_archive.List());
    }

    private static ReportFiles Files(string unit, DateOnly month, int pdfSize) =>
        new(unit, month, Generated, Docx: new byte[3], Pdf: new byte[pdfSize], Xlsx: new byte[4]);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
