using KpiMonitor.Charts;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Charts;

// Realistic figures for the charts: the online dossier rate of a province over 2025–2026, rising from
// 45 % to 85 % against a target of 50 % (2025) then 80 % (2026), with one month missing.
internal static class ChartSamples
{
    public const string Title = "Tỷ lệ hồ sơ nộp trực tuyến";
    public const string Subtitle = "Tỉnh Điện Biên · T1/2025 – T12/2026 · nguồn: Hệ thống giải quyết TTHC";

    public static readonly DateOnly Start = new(2025, 1, 1);

    public static IReadOnlyList<ChartPoint> RisingMonths(double from = 45, double to = 85, int missingMonth = 7) =>
        Enumerable.Range(0, 24)
            .Select(i => new ChartPoint(
                Start.AddMonths(i),
                i == missingMonth - 1 ? null : Math.Round(from + ((to - from) * i / 23.0) + (i % 3 == 0 ? 1.5 : -0.8), 2)))
            .ToList();

    public static IReadOnlyList<TargetPoint> YearlyTargets(double first = 50, double second = 80, double band = 5) =>
        [new TargetPoint(new DateOnly(2025, 1, 1), first, band), new TargetPoint(new DateOnly(2026, 1, 1), second, band)];

    public static TrendChartData OnlineDossierRate(bool english = false) => new(
        english ? "Online dossier rate" : Title,
        english ? "Điện Biên province · Jan 2025 – Dec 2026" : Subtitle,
        RisingMonths(),
        YearlyTargets(),
        Direction.HigherIsBetter,
        Percentage: true,
        Unit: "%",
        Culture: english ? Cultures.English : Cultures.Vietnamese,
        PeriodGranularity.Month);

    public static IReadOnlyList<(string Label, double? Value)> Units(int count) =>
        Enumerable.Range(0, count)
            .Select(i => (
                Label: UnitNames[i % UnitNames.Length] + (i < UnitNames.Length ? string.Empty : $" ({(i / UnitNames.Length) + 1})"),
                Value: i == 3 ? (double?)null : Math.Round(98.6 - (i * 73.0 / Math.Max(count, 1)), 1)))
            .ToList();

    private static readonly string[] UnitNames =
    [
        "Sở Khoa học và Công nghệ",
        "Sở Tư pháp",
        "Ủy ban nhân dân phường Mường Thanh",
        "Sở Tài nguyên và Môi trường",
        "Ủy ban nhân dân xã Thanh Nưa, huyện Điện Biên (cũ), tỉnh Điện Biên",
        "Ban Quản lý các khu công nghiệp",
        "Sở Giáo dục và Đào tạo",
        "Ủy ban nhân dân xã Mường Phăng",
        "Sở Lao động – Thương binh và Xã hội",
        "Ủy ban nhân dân xã Nà Tấu",
        "Ủy ban nhân dân xã Pú Nhi",
        "Sở Y tế",
    ];
}
