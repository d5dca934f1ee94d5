using System.Collections;
using System.Globalization;
using System.Resources;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Shared.Tests.Text;

public sealed class SharedTextResourcesTests
{
    private static readonly ResourceManager Resources = new(typeof(SharedText).FullName!, typeof(SharedText).Assembly);

    [Fact]
    public void EveryVietnameseText_HasAnEnglishOne_AndViceVersa()
    {
        var vietnamese = Texts(CultureInfo.InvariantCulture);
        var english = Texts(CultureInfo.GetCultureInfo("en"));

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

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
}
