using System.Collections;
using System.Globalization;
using System.Resources;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Localization;

public sealed class UiTextResourcesTests
{
    private static readonly ResourceManager Resources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    [Fact]
    public void EveryVietnameseText_HasAnEnglishOne_AndViceVersa()
    {
        var vietnamese = Texts(CultureInfo.InvariantCulture);
        var english = Texts(CultureInfo.GetCultureInfo("en"));

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
    [InlineData("chart.noData", "Chưa có dữ liệu", "No data yet")]
    public void Texts_ReadTheSameAsBefore_InBothLanguages(string key, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, UiText.Get(key, Cultures.Vietnamese));
        Assert.Equal(english, UiText.Get(key, Cultures.English));
    }

    [Fact]
    public void AProcessWithTheInvariantCulture_ReadsVietnamese() =>
        Assert.Equal("Tổng quan", UiText.Get("overview", CultureInfo.InvariantCulture));

    // Only the resources of that very culture, without falling back to the neutral (Vietnamese) ones.
    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
}
