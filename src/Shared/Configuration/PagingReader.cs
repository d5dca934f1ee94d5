using System.Text.Json;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads the <c>paging</c> object and the envelope paths (<c>itemsPath</c>, <c>totalPath</c>) of a source mapping.</summary>
internal static class PagingReader
{
    private static readonly Dictionary<string, PagingMode> Modes = new(StringComparer.Ordinal)
    {
        ["page"] = PagingMode.Page, ["offset"] = PagingMode.Offset, ["cursor"] = PagingMode.Cursor, ["none"] = PagingMode.None,
    };

    public static SourcePaging Read(JsonElement mapping, string path, JsonConfigReader r)
    {
        var paging = SourcePaging.Default;
        if (mapping.TryGetProperty("paging", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            string at = $"{path}.paging";
            if (p.ValueKind != JsonValueKind.Object)
            {
                r.Error(at, "phải là một đối tượng JSON (mode, pageParameter, sizeParameter, …)");
            }
            else
            {
                paging = ReadPaging(p, at, r);
            }
        }

        string? items = mapping.TryGetProperty("itemsPath", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()!.Trim() : null;
        if (mapping.TryGetProperty("itemsPath", out var badItems) && badItems.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            r.Error($"{path}.itemsPath", "phải là chuỗi (đường dẫn tới mảng hồ sơ, rỗng khi cả trả lời là một mảng)");
        }

        string? total = paging.TotalPath;
        if (mapping.TryGetProperty("totalPath", out var t))
        {
            total = t.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String when t.GetString()!.Trim().Length > 0 => t.GetString()!.Trim(),
                _ => Bad(r, $"{path}.totalPath", "phải là đường dẫn không rỗng, hoặc null khi trả lời không cho tổng số"),
            };
        }

        return paging with { ItemsPath = items ?? paging.ItemsPath, TotalPath = total };
    }

    private static SourcePaging ReadPaging(JsonElement p, string at, JsonConfigReader r)
    {
        r.OnlyKnown(p, at, "mode", "pageParameter", "firstPage", "sizeParameter", "offsetParameter", "cursorParameter", "nextCursorPath");
        var mode = r.Choice(p, at, "mode", false, Modes) ?? PagingMode.Page;
        var defaults = SourcePaging.Default;
        int firstPage = r.Integer(p, at, "firstPage", false) ?? 1;
        if (firstPage is not (0 or 1))
        {
            r.Error($"{at}.firstPage", $"trang đầu phải là 0 hoặc 1, không phải {firstPage}");
        }

        var paging = new SourcePaging
        {
            Mode = mode,
            PageParameter = Name(p, at, "pageParameter", r) ?? defaults.PageParameter,
            FirstPage = firstPage,
            SizeParameter = Name(p, at, "sizeParameter", r) ?? (mode == PagingMode.Offset ? "limit" : defaults.SizeParameter),
            OffsetParameter = Name(p, at, "offsetParameter", r) ?? defaults.OffsetParameter,
            CursorParameter = Name(p, at, "cursorParameter", r) ?? defaults.CursorParameter,
            NextCursorPath = r.String(p, at, "nextCursorPath", false) ?? defaults.NextCursorPath,
        };
        string[] used = mode switch
        {
            PagingMode.Page => [paging.PageParameter, paging.SizeParameter],
            PagingMode.Offset => [paging.OffsetParameter, paging.SizeParameter],
            PagingMode.Cursor => [paging.CursorParameter, paging.SizeParameter],
            _ => [],
        };
        if (used.Length == 2 && string.Equals(used[0], used[1], StringComparison.Ordinal))
        {
            r.Error(at, $"hai tham số phân trang trùng tên '{used[0]}'");
        }

        return paging;
    }

    /// <summary>A query parameter name: letters, digits, '_', '-', '.', '[' and ']' only, so it needs no escaping.</summary>
    private static string? Name(JsonElement p, string at, string name, JsonConfigReader r)
    {
        string? text = r.String(p, at, name, false);
        if (text is not null && !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '[' or ']'))
        {
            r.Error($"{at}.{name}", $"tên tham số '{text}' chỉ được gồm chữ cái, số và _ - . [ ]");
            return null;
        }

        return text;
    }

    private static string? Bad(JsonConfigReader r, string path, string message)
    {
        r.Error(path, message);
        return null;
    }
}
