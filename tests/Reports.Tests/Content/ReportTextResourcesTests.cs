using System.Globalization;
using System.Text.RegularExpressions;
using KpiMonitor.Reports.Content;
using KpiMonitor.Testing;

namespace KpiMonitor.Reports.Tests.Content;

/// <summary>ADR 012: every report text is in ReportText.resx (Vietnamese) and ReportText.en.resx, with the same placeholders.</summary>
public sealed partial class ReportTextResourcesTests
{
    [Fact]
    public void EveryVietnameseText_HasAnEnglishOne_WithTheSamePlaceholders()
    {
        var vietnamese = ResourceTexts.Of(typeof(ReportText), CultureInfo.InvariantCulture);
        var english = ResourceTexts.Of(typeof(ReportText), CultureInfo.GetCultureInfo("en"));

        Assert.True(vietnamese.Count >= 20, $"{vietnamese.Count} texts");
        Assert.Empty(vietnamese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(vietnamese.Keys));
        Assert.All(english, e => Assert.DoesNotMatch("[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", e.Value.ToLowerInvariant()));
        Assert.All(vietnamese, v => Assert.Equal(Placeholders(v.Value), Placeholders(english[v.Key])));
        // Column headers are one text separated by '|': both languages have as many columns.
        Assert.All(vietnamese, v => Assert.Equal(v.Value.Count(c => c == '|'), english[v.Key].Count(c => c == '|')));
    }

    [Fact]
    public void TheReportReadsItsWordsFromTheResources()
    {
        var vietnamese = ResourceTexts.Of(typeof(ReportText), CultureInfo.InvariantCulture);

        Assert.Equal(vietnamese["status.AtRisk"], ReportText.Status(Shared.Targets.KpiStatus.AtRisk));
        Assert.Equal("tháng 10/2026", ReportText.Period(new DateOnly(2026, 10, 1), Shared.Periods.PeriodGranularity.Month));
        Assert.Equal("nghiêm trọng", ReportText.Severity(Alerts.AlertSeverity.Critical));
    }

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
