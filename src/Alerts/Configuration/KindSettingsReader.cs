using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>Reads the settings particular to threshold, projection and source-down rules.</summary>
internal sealed class KindSettingsReader(JsonConfigReader r, IReadOnlyCollection<string> sources)
{
    private static readonly Dictionary<string, ThresholdComparison> Comparisons = new()
    {
        ["value"] = ThresholdComparison.Value, ["monthOnMonth"] = ThresholdComparison.MonthOnMonth, ["yearOnYear"] = ThresholdComparison.YearOnYear,
    };

    private static readonly Dictionary<string, ChangeUnit> ChangeUnits = new() { ["points"] = ChangeUnit.Points, ["percent"] = ChangeUnit.Percent };

    private static readonly Dictionary<string, ProjectionMethod> Methods = new()
    {
        ["linearTrend"] = ProjectionMethod.LinearTrend, ["pace"] = ProjectionMethod.Pace,
    };

    public ThresholdSettings? Threshold(JsonElement e, string path)
    {
        var compare = r.Choice(e, path, "compare", true, Comparisons);
        double? above = r.Number(e, path, "above", false), below = r.Number(e, path, "below", false);
        if (above.HasValue == below.HasValue)
        {
            r.Error(path, "đặt đúng một trong hai: 'above' hoặc 'below'");
        }

        var unit = r.Choice(e, path, "unit", compare is ThresholdComparison.MonthOnMonth or ThresholdComparison.YearOnYear, ChangeUnits);
        if (compare == ThresholdComparison.Value && unit is not null)
        {
            r.Error($"{path}.unit", "'unit' chỉ dùng khi so sánh mức thay đổi (monthOnMonth, yearOnYear)");
        }

        return compare is null ? null : new ThresholdSettings(compare.Value, above, below, unit);
    }

    /// <summary>Pace for flows (time roll-up sum), linear trend for stocks, unless set; pace of a stock means nothing.</summary>
    public ProjectionSettings Projection(JsonElement e, string path, KpiDefinition kpi)
    {
        bool flow = kpi.TimeRollup == TimeRollup.Sum;
        var method = r.Choice(e, path, "method", false, Methods) ?? (flow ? ProjectionMethod.Pace : ProjectionMethod.LinearTrend);
        if (method == ProjectionMethod.Pace && !flow)
        {
            r.Error($"{path}.method", $"chỉ tiêu '{kpi.Code}' là số liệu thời điểm, không cộng dồn theo tháng: dùng 'linearTrend'");
        }

        int months = r.Integer(e, path, "months", false) ?? 6;
        if (months is < 3 or > 24)
        {
            r.Error($"{path}.months", $"số tháng của xu hướng phải trong khoảng 3–24, không phải {months}");
        }

        return new ProjectionSettings(method, months);
    }

    public SourceDownSettings SourceDown(JsonElement e, string path)
    {
        var codes = new List<string>();
        if (e.TryGetProperty("sources", out _))
        {
            foreach (var (source, sourcePath) in r.Strings(e, path, "sources"))
            {
                if (!sources.Contains(source))
                {
                    r.Error(sourcePath, $"nguồn '{source}' không có trong sources.json");
                }

                codes.Add(source);
            }
        }

        int? failures = r.Integer(e, path, "consecutiveFailures", false);
        if (failures is < 1)
        {
            r.Error($"{path}.consecutiveFailures", $"phải từ 1 trở lên, không phải {failures}");
        }

        var age = r.Duration(e, path, "lastSuccessOlderThan", false);
        if (failures is null && age is null && !e.TryGetProperty("lastSuccessOlderThan", out _))
        {
            r.Error(path, "đặt ít nhất một điều kiện: 'consecutiveFailures' hoặc 'lastSuccessOlderThan'");
        }

        return new SourceDownSettings(codes, failures, age);
    }
}
