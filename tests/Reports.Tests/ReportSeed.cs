using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Reports.Tests;

/// <summary>
/// A province with three departments and four communes, and figures known by heart for October 2026 (reported on
/// 2 November 2026): the tests count from these tables themselves and compare with what the report says.
/// Commune X4 has no figure in October, nor Sở Xây dựng an e-document rate; the e-document rate has no target; nobody
/// has a satisfaction rate (a KPI with a target that no unit has reported).
/// </summary>
internal static class ReportSeed
{
    public const string Online = "online_dossier_rate";
    public const string Late = "late_dossiers";
    public const string Received = "dossiers_received";
    public const string EDocument = "e_document_rate";
    public const string Satisfaction = "satisfaction_rate";

    public const string Province = "P";
    public const string MissingCommune = "P.X4";

    public static readonly DateOnly Month = new(2026, 10, 1);

    /// <summary>07:00 on 2 November 2026 in Vietnam, when the scheduled report of October runs.</summary>
    public static readonly DateTimeOffset Now = VietnamTime.StartOf(new DateOnly(2026, 11, 2)).AddHours(7);

    public const double OnlineTarget = 50;
    public const double OnlineBand = 5;

    /// <summary>(unit, level, name) of every unit under the province.</summary>
    public static readonly (string Code, string Level, string Name)[] Children =
    [
        ("P.SNV", "department", "Sở Nội vụ"),
        ("P.STP", "department", "Sở Tư pháp"),
        ("P.SXD", "department", "Sở Xây dựng"),
        ("P.X1", "commune", "Xã Bản Giang"),
        ("P.X2", "commune", "Xã Nà Tăm"),
        ("P.X3", "commune", "Phường Đoàn Kết"),
        (MissingCommune, "commune", "Xã Khun Há"),
    ];

    /// <summary>Online dossiers (numerator, denominator) in October 2026, September 2026 and October 2025.</summary>
    public static readonly Dictionary<string, ((double N, double D) Oct, (double N, double D) Sep, (double N, double D) LastYear)> OnlineFigures = new()
    {
        ["P.SNV"] = ((4980, 5000), (4500, 5000), (2500, 5000)),   // 99,60 %, met
        ["P.STP"] = ((460, 1000), (700, 1000), (400, 1000)),      // 46,00 %, at risk (band 45–50), fell 24 points
        ["P.SXD"] = ((300, 1000), (250, 1000), (100, 1000)),      // 30,00 %, missed
        ["P.X1"] = ((79, 100), (40, 100), (10, 100)),             // 79,00 %, met, up 39 points
        ["P.X2"] = ((60, 100), (58, 100), (50, 100)),             // 60,00 %, met
        ["P.X3"] = ((20, 100), (25, 100), (30, 100)),             // 20,00 %, missed
    };

    /// <summary>Dossiers received in October 2026 (no target: a volume).</summary>
    public static readonly Dictionary<string, double> ReceivedFigures = new()
    {
        ["P.SNV"] = 5369, ["P.STP"] = 1000, ["P.SXD"] = 1000, ["P.X1"] = 100, ["P.X2"] = 100, ["P.X3"] = 100,
    };

    public static Catalog Catalog() => new(
        new KpiCatalog(
        [
            Kpi(Online, "Tỷ lệ hồ sơ nộp trực tuyến", KpiKind.Ratio, "%", Direction.HigherIsBetter, RollupMethod.SumRatio, "one-stop"),
            Kpi(Late, "Số hồ sơ trễ hạn", KpiKind.Count, "hồ sơ", Direction.LowerIsBetter, RollupMethod.Sum, "one-stop"),
            Kpi(Received, "Số hồ sơ tiếp nhận", KpiKind.Count, "hồ sơ", Direction.Neutral, RollupMethod.Sum, "one-stop"),
            Kpi(EDocument, "Tỷ lệ văn bản điện tử", KpiKind.Ratio, "%", Direction.HigherIsBetter, RollupMethod.SumRatio, "e-office"),
            Kpi(Satisfaction, "Tỷ lệ hài lòng trong giải quyết TTHC", KpiKind.Ratio, "%", Direction.HigherIsBetter, RollupMethod.SumRatio, "one-stop"),
        ]),
        new OrgTree(
        [
            new OrgLevel("province", "Cấp tỉnh", "Province"),
            new OrgLevel("department", "Sở, ban, ngành", "Department"),
            new OrgLevel("commune", "Cấp xã", "Commune"),
        ],
        [
            Unit(Province, "Tỉnh Lai Châu", "province", null),
            .. Children.Select(c => Unit(c.Code, c.Name, c.Level, Province)),
        ]),
        new TargetBook(
        [
            new Target { Kpi = Online, FromYear = 2025, ToYear = 2027, Value = OnlineTarget, WarningBand = OnlineBand, Document = "QĐ 766/QĐ-TTg" },
            new Target { Kpi = Late, FromYear = 2025, ToYear = 2027, Value = 0, Document = "Kế hoạch CCHC năm 2026" },
            new Target { Kpi = Satisfaction, FromYear = 2025, ToYear = 2027, Value = 90, Document = "Kế hoạch CCHC năm 2026" },
        ]),
        Directory: "(test)");

    /// <summary>Twelve months and more of history for the trend, then the known months above.</summary>
    public static IReadOnlyList<Observation> Observations()
    {
        var list = new List<Observation>();
        for (var m = Month.AddMonths(-13); m <= Month; m = m.AddMonths(1))
        {
            var at = VietnamTime.StartOf(m);
            foreach (var (code, figures) in OnlineFigures)
            {
                var (n, d) = m == Month ? figures.Oct : m == Month.AddMonths(-1) ? figures.Sep : m == Month.AddYears(-1) ? figures.LastYear
                    : (figures.Sep.N * 0.9, figures.Sep.D);
                list.Add(Observation.Ratio(Online, code, at, n, d, "one-stop"));
                list.Add(Observation.Scalar(Late, code, at, m == Month ? (code == "P.STP" ? 3 : 0) : 2, "one-stop"));
                list.Add(Observation.Scalar(Received, code, at, m == Month ? ReceivedFigures[code] : 500, "one-stop"));
                if (m != Month || code != "P.SXD")
                {
                    list.Add(Observation.Ratio(EDocument, code, at, 90, 100, "e-office"));
                }
            }
        }

        return list;
    }

    private static KpiDefinition Kpi(string code, string nameVi, KpiKind kind, string unit, Direction direction, RollupMethod rollup, string source) => new()
    {
        Code = code,
        NameVi = nameVi,
        NameEn = code,
        Kind = kind,
        DisplayUnit = unit,
        Direction = direction,
        Rollup = rollup,
        Period = ReportingPeriod.Monthly,
        TimeRollup = kind == KpiKind.Count ? TimeRollup.Sum : TimeRollup.Last,
        SourceSystem = source,
        DefinitionVi = $"{nameVi}: định nghĩa theo kế hoạch của tỉnh.",
    };

    private static OrgUnit Unit(string code, string nameVi, string level, string? parent) => new()
    {
        Code = code,
        NameVi = nameVi,
        Level = level,
        Parents = [new ParentLink(DateOnly.MinValue, parent)],
    };
}
