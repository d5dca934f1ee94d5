using System.Text.Json;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Configuration;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>What <c>alerts.json</c> needs beyond the shared reader: durations, nested arrays, configuration key names.</summary>
internal static partial class ConfigReaderExtensions
{
    public static TimeSpan? Duration(this JsonConfigReader r, JsonElement obj, string path, string name, bool required)
    {
        string? text = r.String(obj, path, name, required);
        if (text is null)
        {
            return null;
        }

        var duration = DurationText.Parse(text);
        if (duration is null)
        {
            r.Error($"{path}.{name}", $"khoảng thời gian '{text}' không hợp lệ; viết như 30m, 4h, 1d, 1d12h");
        }

        return duration;
    }

    /// <summary>The objects of an array property of <paramref name="obj"/>, each with its path.</summary>
    public static IEnumerable<(JsonElement Element, string Path)> Items(this JsonConfigReader r, JsonElement obj, string path, string name, bool required)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                r.Error($"{path}.{name}", "thiếu mảng bắt buộc");
            }

            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            r.Error($"{path}.{name}", "phải là một mảng");
            yield break;
        }

        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string itemPath = $"{path}.{name}[{i++}]";
            if (element.ValueKind == JsonValueKind.Object)
            {
                yield return (element, itemPath);
            }
            else
            {
                r.Error(itemPath, "phải là một đối tượng JSON");
            }
        }
    }

    /// <summary>The strings of an array property, each with its path.</summary>
    public static IEnumerable<(string Value, string Path)> Strings(this JsonConfigReader r, JsonElement obj, string path, string name)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            r.Error($"{path}.{name}", "phải là một mảng chuỗi");
            yield break;
        }

        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string itemPath = $"{path}.{name}[{i++}]";
            if (element.ValueKind == JsonValueKind.String && element.GetString()!.Trim() is { Length: > 0 } text)
            {
                yield return (text, itemPath);
            }
            else
            {
                r.Error(itemPath, "phải là một chuỗi không rỗng");
            }
        }
    }

    /// <summary>
    /// The name of a configuration key that holds a secret. A value that looks like the secret itself (a URL, spaces,
    /// a token with characters no key name has) is refused, so a pasted secret never stays in the file.
    /// </summary>
    public static string? KeyName(this JsonConfigReader r, JsonElement obj, string path, string name, bool required)
    {
        string? text = r.String(obj, path, name, required);
        if (text is not null && !KeyPattern().IsMatch(text))
        {
            r.Error($"{path}.{name}", "phải là tên khoá cấu hình (ví dụ KPIMONITOR_SMTP_PASSWORD hoặc Alerts:Smtp:Password), không phải giá trị bí mật");
            return null;
        }

        return text;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:(?::|__)[A-Za-z0-9_]+)*$")]
    private static partial Regex KeyPattern();
}
