using System.Globalization;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Checks the date formats a source mapping names, so a typo stops the start instead of rejecting every record.</summary>
internal static class DateFormatRules
{
    /// <summary>The word that stands for ISO 8601 in a list of formats.</summary>
    public const string Iso = "iso";

    private static readonly DateTime Sample = new(2026, 10, 31, 13, 45, 59, DateTimeKind.Unspecified);

    /// <summary>Null when <paramref name="format"/> writes and reads back the year and month (and the day when <paramref name="needDay"/>).</summary>
    public static string? Problem(string format, bool needDay)
    {
        if (string.Equals(format, Iso, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            string text = Sample.ToString(format, CultureInfo.InvariantCulture);
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back)
                && back.Year == Sample.Year && back.Month == Sample.Month && (!needDay || back.Day == Sample.Day))
            {
                return null;
            }
        }
        catch (FormatException)
        {
        }

        return needDay
            ? $"định dạng ngày '{format}' không đọc được năm, tháng và ngày (ví dụ hợp lệ: yyyyMMddHHmmss, dd/MM/yyyy HH:mm:ss, iso)"
            : $"định dạng '{format}' không đọc được năm và tháng (ví dụ hợp lệ: yyyy-MM, yyyyMM, MM/yyyy, iso)";
    }

    /// <summary>Reads an optional array of formats; null when absent (the caller keeps its defaults).</summary>
    public static IReadOnlyList<string>? Read(System.Text.Json.JsonElement obj, string path, string name, JsonConfigReader r, bool needDay)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return null;
        }

        if (array.ValueKind != System.Text.Json.JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            r.Error($"{path}.{name}", "phải là mảng có ít nhất một định dạng");
            return null;
        }

        var formats = new List<string>();
        int i = 0;
        foreach (var f in array.EnumerateArray())
        {
            string at = $"{path}.{name}[{i++}]";
            if (f.ValueKind != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace(f.GetString()))
            {
                r.Error(at, "phải là chuỗi định dạng không rỗng");
            }
            else if (Problem(f.GetString()!, needDay) is { } problem)
            {
                r.Error(at, problem);
            }
            else
            {
                formats.Add(f.GetString()!);
            }
        }

        return formats;
    }

    /// <summary>Checks a month format such as the one <c>{period}</c> is written in.</summary>
    public static string? ReadPeriodFormat(System.Text.Json.JsonElement obj, string path, JsonConfigReader r)
    {
        string? format = r.String(obj, path, "periodFormat", false);
        if (format is null)
        {
            return null;
        }

        if (string.Equals(format, Iso, StringComparison.OrdinalIgnoreCase) || Problem(format, needDay: false) is not null)
        {
            r.Error($"{path}.periodFormat", $"định dạng kỳ '{format}' không ghi được năm và tháng (ví dụ hợp lệ: yyyy-MM, yyyyMM, MM/yyyy)");
            return null;
        }

        return format;
    }
}
