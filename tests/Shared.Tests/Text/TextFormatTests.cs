using System.Globalization;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Shared.Tests.Text;

public sealed class TextFormatTests
{
    [Theory]
    [InlineData(PeriodGranularity.Quarter, "vi-VN", "Q3/2026")]
    [InlineData(PeriodGranularity.Quarter, "en-US", "Q3 2026")]
    [InlineData(PeriodGranularity.Month, "vi-VN", "08/2026")]
    [InlineData(PeriodGranularity.Month, "en-US", "08/2026")]
    [InlineData(PeriodGranularity.Year, "en-US", "2026")]
    [InlineData(PeriodGranularity.Day, "vi-VN", "01/08/2026")]
    public void Period_WritesAQuarterAsAQuarter_InBothLanguages(PeriodGranularity granularity, string culture, string expected) =>
        Assert.Equal(expected, TextFormat.Period(PeriodBucket.Floor(new DateOnly(2026, 8, 1), granularity), granularity, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(ReportingPeriod.Quarterly, "vi-VN", "Q4/2026")]
    [InlineData(ReportingPeriod.Quarterly, "en-US", "Q4 2026")]
    [InlineData(ReportingPeriod.HalfYearly, "vi-VN", "H2/2026")]
    [InlineData(ReportingPeriod.Monthly, "vi-VN", "11/2026")]
    [InlineData(ReportingPeriod.Yearly, "vi-VN", "2026")]
    public void Period_OfAKpi_FollowsItsReportingPeriod(ReportingPeriod period, string culture, string expected) =>
        Assert.Equal(expected, TextFormat.Period(period.FirstDayOf(new DateOnly(2026, 11, 1)), period, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(PeriodGranularity.Month, "vi-VN", "T10/2026")]
    [InlineData(PeriodGranularity.Month, "en-US", "Oct 2026")]
    [InlineData(PeriodGranularity.Quarter, "vi-VN", "Q4/2026")]
    [InlineData(PeriodGranularity.Quarter, "en-US", "Q4 2026")]
    [InlineData(PeriodGranularity.Day, "en-US", "15 Oct 2026")]
    public void AxisPeriod_IsShortAndReadable(PeriodGranularity granularity, string culture, string expected) =>
        Assert.Equal(expected, TextFormat.AxisPeriod(PeriodBucket.Floor(new DateOnly(2026, 10, 15), granularity), granularity, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(43.24, true, "vi-VN", "43,2 %")]
    [InlineData(43.24, true, "en-US", "43.2%")]
    [InlineData(1953613, false, "vi-VN", "1.953.613")]
    [InlineData(1953613, false, "en-US", "1,953,613")]
    [InlineData(12.26, false, "vi-VN", "12,3")]
    public void Number_UsesTheReadersSeparators(double value, bool percentage, string culture, string expected) =>
        Assert.Equal(expected, TextFormat.Number(value, percentage, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Number_OfNothing_IsADash() => Assert.Equal("—", TextFormat.Number(null, false, Cultures.Vietnamese));

    [Fact]
    public void Cultures_AnyEnglishIsEnglish_EverythingElseVietnamese()
    {
        Assert.Same(Cultures.English, Cultures.Of(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Same(Cultures.Vietnamese, Cultures.Of(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(99.6, true, false, "99,60 %")]
    [InlineData(46.5, true, true, "46.50%")]
    [InlineData(5369.0, false, false, "5.369")]
    [InlineData(72.5, false, false, "72,50")]
    [InlineData(null, true, false, "—")]
    public void Precise_WritesFiguresAsReportsDo_TwoDecimalsForRates(double? value, bool percentage, bool english, string expected) =>
        Assert.Equal(expected, TextFormat.Precise(value, percentage, english ? Cultures.English : Cultures.Vietnamese));
}
