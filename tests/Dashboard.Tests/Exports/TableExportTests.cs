using System.Text;
using KpiMonitor.Dashboard.Exports;

namespace KpiMonitor.Dashboard.Tests.Exports;

public sealed class TableExportTests
{
    [Fact]
    public void Csv_QuotesOnlyWhatNeedsIt_WritesNumbersInvariant_AndCrLf()
    {
        byte[] csv = TableExport.Csv(["Đơn vị", "Giá trị"],
        [
            [ExportCell.Of("Sở Văn hóa, Thể thao và Du lịch"), ExportCell.Of(43.24)],
            [ExportCell.Of("Nói \"không\"\nxuống dòng"), ExportCell.Of(1953613d)],
            [ExportCell.Of("-1 là chữ"), ExportCell.Empty],
            [ExportCell.Of((string?)null), ExportCell.Of(-2.5)],
        ]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal("Đơn vị,Giá trị\r\n\"Sở Văn hóa, Thể thao và Du lịch\",43.24\r\n\"Nói \"\"không\"\"\nxuống dòng\",1953613\r\n'-1 là chữ,\r\n,-2.5\r\n",
            Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
    }

    [Theory]
    [InlineData("Tỷ lệ hồ sơ nộp trực tuyến - Tỉnh Lai Châu - 2026-11.csv", "Ty-le-ho-so-nop-truc-tuyen-Tinh-Lai-Chau-2026-11.csv")]
    [InlineData("Đặc khu Côn Đảo.xlsx", "Dac-khu-Con-Dao.xlsx")]
    [InlineData("Nguồn dữ liệu — 2026-11-23.csv", "Nguon-du-lieu-2026-11-23.csv")]
    [InlineData("“”", "download")]
    public void Ascii_FoldsVietnameseLetters_AndKeepsOnlySafeCharacters(string name, string ascii) =>
        Assert.Equal(ascii, DownloadName.Ascii(name));

    [Fact]
    public void ContentDisposition_CarriesTheAsciiNameAndTheUtf8Name()
    {
        string header = DownloadName.ContentDisposition("Xã Bản Giang/2026.csv");

        Assert.Equal("attachment; filename=Xa-Ban-Giang-2026.csv; filename*=UTF-8''X%C3%A3%20B%E1%BA%A3n%20Giang-2026.csv", header);
    }
}
