using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Text;
using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Localization;

public sealed class UiTextResourcesTests
{

    [Fact]
    public void EveryVietnameseText_HasAnEnglishOne_AndViceVersa()
    {
        var vietnamese = ResourceTexts.Of(typeof(UiText), CultureInfo.InvariantCulture);
        var english = ResourceTexts.Of(typeof(UiText), CultureInfo.GetCultureInfo("en"));

        Assert.True(vietnamese.Count > 150, $"{vietnamese.Count} texts");
        Assert.Empty(vietnamese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(vietnamese.Keys));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
    }

    [Theory]
    [InlineData("app", "Giám sát chỉ tiêu chính quyền số", "Digital government KPI monitor")]
    [InlineData("status.AtRisk", "Có nguy cơ không đạt", "At risk")]
    [InlineData("manual.refused", "Chưa lưu, vì:", "Not saved, because:")]
    [InlineData("admin.everyone", "Tất cả đơn vị", "Every unit")]
    [InlineData("chart.range", "Khoảng thời gian", "Time range")]
    public void Texts_ReadTheSameAsBefore_InBothLanguages(string key, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, UiText.Get(key, Cultures.Vietnamese));
        Assert.Equal(english, UiText.Get(key, Cultures.English));
    }

    [Fact]
    public void AProcessWithTheInvariantCulture_ReadsVietnamese() =>
        Assert.Equal("Tổng quan", UiText.Get("overview", CultureInfo.InvariantCulture));
}
