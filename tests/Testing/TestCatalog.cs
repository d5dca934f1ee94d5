using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Testing;

/// <summary>A small catalogue built in code, for tests that must not depend on the demo files.</summary>
public static class TestCatalog
{
    /// <summary>A flow ratio (<see cref="TimeRollup.Sum"/>), as in the demo catalogue.</summary>
    public const string Ratio = "online_dossier_rate";

    /// <summary>A flow count (<see cref="TimeRollup.Sum"/>), as in the demo catalogue.</summary>
    public const string Count = "late_dossiers";

    public const string Score = "score_766";
    public const string Percent = "satisfaction_rate";
    public const string Rank = "par_index_rank";

    public const string Province = "P";
    public const string Department = "P.SNV";
    public const string District = "P.H1";
    public const string CommuneA = "P.H1.XA";
    public const string CommuneB = "P.H1.XB";

    /// <summary>The day districts are abolished in this tree: communes move under the province.</summary>
    public static readonly DateOnly Reform = new(2025, 7, 1);

    public static Catalog Create(IEnumerable<Target>? targets = null) => new(
        new KpiCatalog(
        [
            Kpi(Ratio, "Tỷ lệ hồ sơ nộp trực tuyến", KpiKind.Ratio, "%", Direction.HigherIsBetter, RollupMethod.SumRatio) with { TimeRollup = TimeRollup.Sum },
            Kpi(Count, "Số hồ sơ trễ hạn", KpiKind.Count, "hồ sơ", Direction.LowerIsBetter, RollupMethod.Sum) with { TimeRollup = TimeRollup.Sum },
            Kpi(Score, "Điểm Bộ chỉ số 766", KpiKind.Score, "điểm", Direction.HigherIsBetter, RollupMethod.None),
            Kpi(Percent, "Tỷ lệ hài lòng", KpiKind.Percent, "%", Direction.HigherIsBetter, RollupMethod.None),
            Kpi(Rank, "Xếp hạng PAR INDEX", KpiKind.Rank, "hạng", Direction.LowerIsBetter, RollupMethod.None),
        ]),
        new OrgTree(
        [
            new OrgLevel("province", "Cấp tỉnh", "Province"),
            new OrgLevel("department", "Sở, ban, ngành", "Department"),
            new OrgLevel("district", "Cấp huyện", "District"),
            new OrgLevel("commune", "Cấp xã", "Commune"),
        ],
        [
            Unit(Province, "Tỉnh Thử Nghiệm", "province", null),
            Unit(Department, "Sở Nội vụ", "department", Province),
            Unit(District, "Huyện Tam Đường", "district", Province) with { ValidTo = Reform.AddDays(-1) },
            Unit(CommuneA, "Xã Bản Giang, Tam Đường", "commune", District, new ParentLink(Reform, Province)),
            Unit(CommuneB, "Xã Nà Tăm", "commune", District, new ParentLink(Reform, Province)),
        ]),
        new TargetBook(targets ?? []),
        Directory: "(test)");

    private static KpiDefinition Kpi(string code, string nameVi, KpiKind kind, string unit, Direction direction, RollupMethod rollup) => new()
    {
        Code = code,
        NameVi = nameVi,
        NameEn = code,
        Kind = kind,
        DisplayUnit = unit,
        Direction = direction,
        Rollup = rollup,
        Period = ReportingPeriod.Monthly,
        SourceSystem = "test",
        DefinitionVi = nameVi,
    };

    private static OrgUnit Unit(string code, string nameVi, string level, string? parent, params ParentLink[] moves) => new()
    {
        Code = code,
        NameVi = nameVi,
        Level = level,
        Parents = [new ParentLink(DateOnly.MinValue, parent), .. moves],
    };
}
