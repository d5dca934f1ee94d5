using KpiMonitor.Charts;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Charts;

public sealed class ChartPartsTests
{
    [Theory]
    [InlineData(false, "Chưa có dữ liệu", "Mục tiêu")]
    [InlineData(true, "No data yet", "Target")]
    public void ChartText_ComesFromTheChartProjectsOwnResources_InBothLanguages(bool english, string noData, string target)
    {
        var culture = english ? Cultures.English : Cultures.Vietnamese;

        Assert.Equal((noData, target), (ChartText.NoData(culture), ChartText.Target(culture)));
    }

    [Theory]
    [InlineData(PeriodGranularity.Month, false, "T10/2026")]
    [InlineData(PeriodGranularity.Month, true, "Oct 2026")]
    [InlineData(PeriodGranularity.Quarter, false, "Q4/2026")]
    [InlineData(PeriodGranularity.Year, false, "2026")]
    [InlineData(PeriodGranularity.Day, false, "15/10/2026")]
    public void PeriodAxis_LabelsPeriodsTheWayLeadersReadThem(PeriodGranularity granularity, bool english, string expected)
    {
        var period = PeriodBucket.Floor(new DateOnly(2026, 10, 15), granularity);

        Assert.Equal(expected, PeriodAxis.Label(period, granularity, english ? Cultures.English : Cultures.Vietnamese));
        Assert.Equal(period, PeriodAxis.Period(PeriodAxis.Index(period, granularity), granularity));
    }

    [Fact]
    public void PeriodAxis_ThinsMonthLabels_OnQuarterBoundaries()
    {
        var first = PeriodAxis.Index(new DateOnly(2025, 1, 1), PeriodGranularity.Month);

        var ticks = PeriodAxis.Ticks(first, first + 23, PeriodGranularity.Month, Cultures.Vietnamese, 790);

        var labels = ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.InRange(labels.Count, 4, 12);
        Assert.Equal("T1/2025", labels[0]);
        Assert.All(labels, l => Assert.Matches(@"^T(1|4|7|10)/\d{4}$", l));
    }

    [Fact]
    public void PeriodAxis_LabelsAYearOfDays_OnTheFirstOfMonths()
    {
        var first = PeriodAxis.Index(new DateOnly(2025, 1, 1), PeriodGranularity.Day);

        var ticks = PeriodAxis.Ticks(first, first + 364, PeriodGranularity.Day, Cultures.Vietnamese, 790);

        var labels = ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.InRange(labels.Count, 2, 12);
        Assert.All(labels, l => Assert.StartsWith("01/", l));
    }

    [Fact]
    public void TargetStep_HoldsEachYearsTargetUntilTheNext_WithTheBandBelow()
    {
        var g = PeriodGranularity.Month;
        var jan2025 = PeriodAxis.Index(new DateOnly(2025, 1, 1), g);
        var last = PeriodAxis.Index(new DateOnly(2026, 12, 1), g);

        var step = Assert.Single(TargetStep.From(ChartSamples.YearlyTargets(), g, Direction.HigherIsBetter, jan2025, last));

        Assert.Equal(
            [(jan2025 - 0.5, 50, 45), (jan2025 + 11.5, 50, 45), (jan2025 + 11.5, 80, 75), (last + 0.5, 80, 75)],
            step.Vertices);
    }

    [Fact]
    public void TargetStep_PutsTheBandAbove_ForLowerIsBetter_AndBreaksOnMissingTargets()
    {
        var targets = new[]
        {
            new TargetPoint(new DateOnly(2024, 1, 1), 10, 4),
            new TargetPoint(new DateOnly(2025, 1, 1), null, 0),
            new TargetPoint(new DateOnly(2026, 1, 1), 5, 2),
        };

        var steps = TargetStep.From(targets, PeriodGranularity.Year, Direction.LowerIsBetter, 2024, 2026);

        Assert.Equal(2, steps.Count);
        Assert.Equal((2023.5, 10, 14), steps[0].Vertices[0]);
        Assert.Equal((2026.5, 5, 7), steps[1].Vertices[^1]);
        Assert.False(TargetStep.From(targets, PeriodGranularity.Year, Direction.Neutral, 2024, 2026)[0].HasBand);
    }

    [Fact]
    public void TargetStep_KeepsOnlyThePartInsideTheChartedPeriods()
    {
        var targets = new[]
        {
            new TargetPoint(new DateOnly(2020, 1, 1), 30, 5),
            new TargetPoint(new DateOnly(2025, 1, 1), 50, 5),
            new TargetPoint(new DateOnly(2030, 1, 1), 99, 1),
        };

        var steps = TargetStep.From(targets, PeriodGranularity.Year, Direction.HigherIsBetter, 2024, 2026);

        Assert.Equal([(2023.5, 30, 25), (2024.5, 30, 25), (2024.5, 50, 45), (2026.5, 50, 45)], Assert.Single(steps).Vertices);
    }

    [Fact]
    public void ValueRange_KeepsPercentagesWithinZeroToHundred_AndIncludesEveryValue()
    {
        var range = ValueRange.Of([2, 6, 80, 75], percentage: true);
        var full = ValueRange.Of([0, 100], percentage: true);

        Assert.InRange(range.Min, -2, 2);
        Assert.InRange(range.Max, 80.5, 90);
        Assert.True(full.Min is < 0 and > -3 && full.Max is > 100 and < 103, $"{full}");
    }

    [Theory]
    [InlineData(43.24, true, false, "43,24 %")]
    [InlineData(43.24, true, true, "43.24 %")]
    [InlineData(1953613, false, false, "1.953.613")]
    [InlineData(1953613, false, true, "1,953,613")]
    [InlineData(-1e-12, true, false, "0 %")]
    public void ChartFormat_Tick_UsesTheReadersNumberFormat(double value, bool percentage, bool english, string expected) =>
        Assert.Equal(expected, ChartFormat.Tick(value, percentage, english ? Cultures.English : Cultures.Vietnamese));

    [Fact]
    public void ChartFormat_Truncate_AbbreviatesUbndThenCutsOnAWord()
    {
        var cut = ChartFormat.Truncate("Ủy ban nhân dân xã Thanh Nưa, huyện Điện Biên (cũ), tỉnh Điện Biên", 32);

        Assert.True(cut.Length <= 32, cut);
        Assert.Equal("UBND xã Thanh Nưa, huyện Điện…", cut);
        Assert.Equal("Ủy ban nhân dân xã Pú Nhi", ChartFormat.Truncate("Ủy ban nhân dân xã Pú Nhi", 32));
    }

    [Fact]
    public void ChartStyle_ValueTargetAndBand_DifferInGreyscale()
    {
        static double Luma(ScottPlot.Color c) => (0.299 * c.R) + (0.587 * c.G) + (0.114 * c.B);

        var value = Luma(ChartStyle.ValueColor);
        var target = Luma(ChartStyle.TargetColor);
        var band = Luma(ChartStyle.BandColor);

        Assert.True(Math.Abs(value - target) > 40, $"value {value:F0} vs target {target:F0}");
        Assert.True(band - Math.Max(value, target) > 60, $"band {band:F0}");
    }
}
