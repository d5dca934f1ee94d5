using System.Globalization;
using KpiMonitor.Shared.Text;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Text;

public sealed class SharedTextResourcesTests
{

    [Fact]
    public void EveryVietnameseText_HasAnEnglishOne_AndViceVersa()
    {
        var vietnamese = ResourceTexts.Of(typeof(SharedText), CultureInfo.InvariantCulture);
        var english = ResourceTexts.Of(typeof(SharedText), CultureInfo.GetCultureInfo("en"));

        Assert.True(vietnamese.Count > 40, $"{vietnamese.Count} texts");
        Assert.Empty(vietnamese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(vietnamese.Keys));
        Assert.All(english, e => Assert.DoesNotContain("ệ", e.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void TheTextsFollowTheCurrentUiCulture_VietnameseUnlessEnglish()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            string invariant = SharedText.Format("number.bad", "x");
            CultureInfo.CurrentUICulture = Cultures.English;
            string english = SharedText.Format("number.bad", "x");

            Assert.Equal("'x' không phải số", invariant);
            Assert.Equal("'x' is not a number", english);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
