using KpiMonitor.Alerts.Configuration;

namespace KpiMonitor.Alerts.Tests.Configuration;

public sealed class SummaryTemplateTests
{
    [Fact]
    public void Render_FillsPlaceholders_KeepsVietnameseAndEscapedBraces()
    {
        var template = SummaryTemplate.TryParse("{unit}: {kpi} đạt {value}, mục tiêu {target} {{tháng}} {missing}", out string? error)!;

        string text = template.Render(new Dictionary<string, string>
        {
            ["unit"] = "Xã Bản Giang", ["kpi"] = "Tỷ lệ hồ sơ nộp trực tuyến", ["value"] = "43,24 %", ["target"] = "50 %",
        });

        Assert.Null(error);
        Assert.Equal("Xã Bản Giang: Tỷ lệ hồ sơ nộp trực tuyến đạt 43,24 %, mục tiêu 50 % {tháng} —", text);
        Assert.Equal(["unit", "kpi", "value", "target", "missing"], template.Placeholders);
    }

    [Theory]
    [InlineData("{unit", "không được đóng")]
    [InlineData("{} trống", "không hợp lệ")]
    [InlineData("{đơn vị}", "không hợp lệ")]
    [InlineData("giá trị }", "không có dấu '{' mở")]
    public void BadTemplate_IsRefusedWithTheReason(string text, string reason)
    {
        Assert.Null(SummaryTemplate.TryParse(text, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
