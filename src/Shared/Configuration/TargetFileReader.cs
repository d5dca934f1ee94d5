using System.Text.Json;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads and checks <c>targets.json</c> against the KPIs and units already read.</summary>
internal static class TargetFileReader
{
    public static TargetBook Read(JsonElement root, JsonConfigReader r, KpiCatalog kpis, OrgTree units)
    {
        var targets = new List<Target>();
        foreach (var (e, path) in r.Array(root, "targets"))
        {
            r.OnlyKnown(e, path, "kpi", "year", "from", "to", "level", "unit", "value", "warningBand", "direction", "document");
            string? code = r.String(e, path, "kpi", true);
            var kpi = code is null ? null : kpis.Find(code);
            if (code is not null && kpi is null)
            {
                r.Error($"{path}.kpi", $"chỉ tiêu '{code}' không có trong kpis.json");
            }

            var (fromYear, toYear) = ReadYears(e, path, r);
            string? level = r.String(e, path, "level", false);
            string? unit = r.String(e, path, "unit", false);
            if (level is not null && unit is not null)
            {
                r.Error(path, "chỉ đặt một trong hai: 'level' hoặc 'unit'");
            }

            if (level is not null && units.FindLevel(level) is null)
            {
                r.Error($"{path}.level", $"cấp '{level}' không có trong units.json");
            }

            if (unit is not null && !units.Contains(unit))
            {
                r.Error($"{path}.unit", $"đơn vị '{unit}' không có trong units.json");
            }

            double? value = r.Number(e, path, "value", true);
            double band = r.Number(e, path, "warningBand", false) ?? 0;
            if (band < 0)
            {
                r.Error($"{path}.warningBand", $"biên cảnh báo không được âm ({band})");
            }

            if (kpi is not null && value is { } v && OutOfRange(kpi, v) is { } problem)
            {
                r.Error($"{path}.value", problem);
            }

            var direction = r.Choice(e, path, "direction", false, KpiFileReader.Directions);
            if (kpi is null || value is null || fromYear is null || toYear is null)
            {
                continue;
            }

            targets.Add(new Target
            {
                Kpi = kpi.Code, FromYear = fromYear.Value, ToYear = toYear.Value, Level = level, Unit = unit,
                Value = value.Value, WarningBand = band, Direction = direction, Document = r.String(e, path, "document", false),
            });
        }

        CheckOverlaps(targets, r);
        return new TargetBook(targets);
    }

    private static (int? From, int? To) ReadYears(JsonElement e, string path, JsonConfigReader r)
    {
        int? year = r.Integer(e, path, "year", false);
        int? from = r.Integer(e, path, "from", false);
        int? to = r.Integer(e, path, "to", false);
        if (year is not null && (from is not null || to is not null))
        {
            r.Error(path, "dùng 'year' hoặc cặp 'from'/'to', không dùng cả hai");
            return (null, null);
        }

        (from, to) = year is not null ? (year, year) : (from, to);
        if (from is null || to is null)
        {
            r.Error(path, "thiếu năm áp dụng: 'year', hoặc cả 'from' và 'to'");
            return (null, null);
        }

        if (from is < 2000 or > 2100 || to is < 2000 or > 2100 || from > to)
        {
            r.Error(path, $"khoảng năm {from}–{to} không hợp lệ (2000–2100, 'from' ≤ 'to')");
            return (null, null);
        }

        return (from, to);
    }

    private static string? OutOfRange(KpiDefinition kpi, double value) => kpi.Kind switch
    {
        KpiKind.Ratio or KpiKind.Percent when value is < 0 or > 100 => $"chỉ tiêu tỷ lệ cần mục tiêu trong khoảng 0–100 %, không phải {value}",
        KpiKind.Count or KpiKind.Score when value < 0 => $"mục tiêu không được âm ({value})",
        KpiKind.Rank when value < 1 => $"mục tiêu thứ hạng phải từ 1 trở lên ({value})",
        _ => null,
    };

    /// <summary>Two targets for the same KPI, scope and year would make the result depend on file order.</summary>
    private static void CheckOverlaps(List<Target> targets, JsonConfigReader r)
    {
        foreach (var group in targets.GroupBy(t => (t.Kpi, t.Level, t.Unit)))
        {
            var list = group.OrderBy(t => t.FromYear).ToList();
            for (int i = 1; i < list.Count; i++)
            {
                if (list[i].FromYear <= list[i - 1].ToYear)
                {
                    string scope = group.Key.Unit ?? group.Key.Level ?? "toàn tỉnh";
                    r.Error("$.targets", $"mục tiêu của '{group.Key.Kpi}' ({scope}) bị trùng năm: " +
                        $"{list[i - 1].FromYear}–{list[i - 1].ToYear} và {list[i].FromYear}–{list[i].ToYear}");
                }
            }
        }
    }
}
