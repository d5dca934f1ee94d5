using System.Text.Json;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads and checks <c>kpis.json</c>.</summary>
internal static partial class KpiFileReader
{
    public static readonly Dictionary<string, Direction> Directions = new(StringComparer.Ordinal)
    {
        ["higher"] = Direction.HigherIsBetter,
        ["lower"] = Direction.LowerIsBetter,
        ["neutral"] = Direction.Neutral,
    };

    private static readonly Dictionary<string, KpiKind> Kinds = new(StringComparer.Ordinal)
    {
        ["ratio"] = KpiKind.Ratio, ["percent"] = KpiKind.Percent, ["count"] = KpiKind.Count, ["score"] = KpiKind.Score, ["rank"] = KpiKind.Rank,
    };

    private static readonly Dictionary<string, RollupMethod> Rollups = new(StringComparer.Ordinal)
    {
        ["sumRatio"] = RollupMethod.SumRatio, ["sum"] = RollupMethod.Sum, ["none"] = RollupMethod.None,
    };

    private static readonly Dictionary<string, ReportingPeriod> Periods = new(StringComparer.Ordinal)
    {
        ["daily"] = ReportingPeriod.Daily, ["monthly"] = ReportingPeriod.Monthly, ["quarterly"] = ReportingPeriod.Quarterly,
        ["halfYearly"] = ReportingPeriod.HalfYearly, ["yearly"] = ReportingPeriod.Yearly,
    };

    private static readonly Dictionary<string, TimeRollup> TimeRollups = new(StringComparer.Ordinal)
    {
        ["last"] = TimeRollup.Last, ["sum"] = TimeRollup.Sum,
    };

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex CodePattern();

    public static KpiCatalog Read(JsonElement root, JsonConfigReader r)
    {
        var kpis = new List<KpiDefinition>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (e, path) in r.Array(root, "kpis"))
        {
            r.OnlyKnown(e, path, "code", "nameVi", "nameEn", "descriptionVi", "descriptionEn", "kind", "displayUnit", "direction",
                "rollup", "timeRollup", "period", "sourceSystem", "definitionVi", "definitionEn", "numeratorVi", "denominatorVi");
            string? code = r.String(e, path, "code", required: true);
            if (code is not null && !CodePattern().IsMatch(code))
            {
                r.Error($"{path}.code", $"mã '{code}' chỉ được gồm chữ thường a–z, số và '_' (bắt đầu bằng chữ)");
            }
            else if (code is not null && !seen.TryAdd(code, path))
            {
                r.Error($"{path}.code", $"mã chỉ tiêu '{code}' bị trùng với {seen[code]}");
            }

            string? nameVi = r.String(e, path, "nameVi", required: true);
            string? nameEn = r.String(e, path, "nameEn", required: true);
            var kind = r.Choice(e, path, "kind", true, Kinds);
            string? displayUnit = r.String(e, path, "displayUnit", required: true);
            var direction = r.Choice(e, path, "direction", true, Directions);
            var rollup = r.Choice(e, path, "rollup", true, Rollups);
            var period = r.Choice(e, path, "period", true, Periods);
            var timeRollup = r.Choice(e, path, "timeRollup", false, TimeRollups) ?? TimeRollup.Last;
            string? source = r.String(e, path, "sourceSystem", required: true);
            string? definitionVi = r.String(e, path, "definitionVi", required: true);

            if (kind is { } k && rollup is { } ro && !RollupFits(k, ro))
            {
                r.Error($"{path}.rollup", $"cách cộng dồn '{ro}' không dùng được cho chỉ tiêu loại '{k}' " +
                    "(tỷ lệ: sumRatio hoặc none; số đếm: sum hoặc none; loại khác: none)");
            }

            if (timeRollup == TimeRollup.Sum && kind is { } summed && summed is not (KpiKind.Ratio or KpiKind.Count))
            {
                r.Error($"{path}.timeRollup", $"chỉ tiêu loại '{summed.ToString().ToLowerInvariant()}' không cộng dồn được qua các kỳ: 'sum' chỉ dùng cho tỷ lệ và số đếm " +
                    "phát sinh trong kỳ; điểm, xếp hạng và phần trăm dùng 'last'");
            }

            if (code is null || nameVi is null || nameEn is null || kind is null || displayUnit is null || direction is null
                || rollup is null || period is null || source is null || definitionVi is null)
            {
                continue;
            }

            kpis.Add(new KpiDefinition
            {
                Code = code,
                NameVi = nameVi,
                NameEn = nameEn,
                DescriptionVi = r.String(e, path, "descriptionVi", false) ?? "",
                DescriptionEn = r.String(e, path, "descriptionEn", false) ?? "",
                Kind = kind.Value,
                DisplayUnit = displayUnit,
                Direction = direction.Value,
                Rollup = rollup.Value,
                Period = period.Value,
                TimeRollup = timeRollup,
                SourceSystem = source,
                DefinitionVi = definitionVi,
                DefinitionEn = r.String(e, path, "definitionEn", false) ?? "",
                NumeratorVi = r.String(e, path, "numeratorVi", false),
                DenominatorVi = r.String(e, path, "denominatorVi", false),
            });
        }

        if (kpis.Count == 0 && seen.Count == 0)
        {
            r.Error("$.kpis", "danh mục chỉ tiêu trống");
        }

        return new KpiCatalog(kpis.DistinctBy(k => k.Code));
    }

    private static bool RollupFits(KpiKind kind, RollupMethod rollup) => rollup switch
    {
        RollupMethod.SumRatio => kind == KpiKind.Ratio,
        RollupMethod.Sum => kind == KpiKind.Count,
        _ => true,
    };
}
