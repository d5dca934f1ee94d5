using System.Globalization;
using System.Text.Json;

namespace KpiMonitor.Shared.Configuration;

/// <summary>
/// Reads values out of a configuration file's JSON while remembering where they were, so every problem
/// is reported with the file and the JSON path (<c>$.units[12].parent</c>) instead of stopping at the first.
/// </summary>
internal sealed class JsonConfigReader(string file, List<ConfigError> errors)
{
    public string File { get; } = file;

    public void Error(string path, string message) => errors.Add(new ConfigError(File, path, message));

    /// <summary>Parses a file; a syntax error is reported with line and column and yields null.</summary>
    public static JsonDocument? Parse(string fullPath, string displayName, List<ConfigError> errors)
    {
        if (!System.IO.File.Exists(fullPath))
        {
            errors.Add(new ConfigError(displayName, "$", $"không tìm thấy tệp (đường dẫn đầy đủ: {fullPath})"));
            return null;
        }

        try
        {
            using var stream = System.IO.File.OpenRead(fullPath);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1, column = (ex.BytePositionInLine ?? 0) + 1;
            errors.Add(new ConfigError(displayName, ex.Path ?? "$", $"JSON sai cú pháp ở dòng {line}, cột {column}"));
            return null;
        }
    }

    /// <summary>The array under <paramref name="name"/> of the root object, with each element's path.</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", "phải là một đối tượng JSON");
            yield break;
        }

        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            Error($"$.{name}", "thiếu mảng bắt buộc");
            yield break;
        }

        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string path = $"$.{name}[{i++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "phải là một đối tượng JSON");
                continue;
            }

            yield return (element, path);
        }
    }

    /// <summary>Whether a value the schema wants as an object is one; reports it at <paramref name="path"/> when not.</summary>
    public bool IsObject(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, "phải là một đối tượng JSON");
        return false;
    }

    /// <summary>Reports properties the schema does not know (usually a typo such as "nameVI").</summary>
    public void OnlyKnown(JsonElement obj, string path, params string[] known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Error($"{path}.{property.Name}", $"thuộc tính không được hỗ trợ; các thuộc tính hợp lệ: {string.Join(", ", known)}");
            }
        }
    }

    public string? String(JsonElement obj, string path, string name, bool required)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error($"{path}.{name}", "thiếu giá trị bắt buộc");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error($"{path}.{name}", $"phải là chuỗi, không phải {value.ValueKind}");
            return null;
        }

        string text = value.GetString()!.Trim();
        if (text.Length == 0 && required)
        {
            Error($"{path}.{name}", "không được để trống");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    public double? Number(JsonElement obj, string path, string name, bool required)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error($"{path}.{name}", "thiếu giá trị số bắt buộc");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            Error($"{path}.{name}", $"phải là số, không phải {value.GetRawText()}");
            return null;
        }

        return number;
    }

    public int? Integer(JsonElement obj, string path, string name, bool required)
    {
        double? number = Number(obj, path, name, required);
        if (number is { } n && (n != Math.Floor(n) || n is < int.MinValue or > int.MaxValue))
        {
            Error($"{path}.{name}", $"phải là số nguyên, không phải {n.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return (int?)number;
    }

    public DateOnly? Date(JsonElement obj, string path, string name)
    {
        string? text = String(obj, path, name, required: false);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error($"{path}.{name}", $"ngày '{text}' không đúng định dạng yyyy-MM-dd");
        return null;
    }

    /// <summary>Reads one of a fixed set of words (case-insensitive) into its value.</summary>
    public T? Choice<T>(JsonElement obj, string path, string name, bool required, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        string? text = String(obj, path, name, required);
        if (text is null)
        {
            return null;
        }

        foreach (var (word, value) in choices)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error($"{path}.{name}", $"giá trị '{text}' không hợp lệ; chọn một trong: {string.Join(", ", choices.Keys)}");
        return null;
    }
}
