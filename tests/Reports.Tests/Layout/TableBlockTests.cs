using KpiMonitor.Reports.Layout;

namespace KpiMonitor.Reports.Tests.Layout;

/// <summary>A column is aligned as a whole, so "Không đổi" and "Tăng 2 bậc" line up under one another.</summary>
public sealed class TableBlockTests
{
    private static readonly TableBlock League = new("Bảng 3. Xếp hạng", ["Hạng", "Đơn vị", "Kết quả", "Thay đổi hạng"],
    [
        ["1", "Sở Nội vụ", "99,60 %", "Không đổi"],
        ["2", "Văn phòng Ủy ban nhân dân tỉnh", "46,00 %", "Tăng 2 bậc"],
        ["…", "…", "", ""],
        ["7", "Xã Khun Há", "—", "—"],
    ], [1, 3, 1, 1.5]);

    [Fact]
    public void FigureAndShortWordColumns_AreCentred_NameColumnsAreNot()
    {
        Assert.Equal([true, false, true, true], Enumerable.Range(0, 4).Select(League.IsCentred));
    }

    [Fact]
    public void ColumnOfWordsWithoutFigures_ReadsFromTheLeft()
    {
        var table = new TableBlock("Bảng 1. Đánh giá", ["Đánh giá"], [["Đạt"], ["Gần đạt"]], [1]);

        Assert.False(table.IsCentred(0));
    }
}
