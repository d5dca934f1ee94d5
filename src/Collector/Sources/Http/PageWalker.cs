using System.Globalization;
using System.Text.Json;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Sources.Http;

/// <summary>
/// Walks a paged endpoint as its <see cref="SourcePaging"/> says (page number, offset or cursor, or one request),
/// until an empty page, the promised total, or the last cursor. An empty page while items are still promised is an
/// error (the source lost data), and a walk that never ends is stopped.
/// </summary>
internal static class PageWalker
{
    public const int MaxPages = 10_000;

    public static async Task WalkAsync(SourceHttpClient http, SourceDefinition source, string relativeUrl, SourcePaging paging,
        Func<JsonElement, CancellationToken, Task> onItems, CancellationToken cancellationToken)
    {
        char join = relativeUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        long seen = 0;
        string? cursor = null;
        string? previous = null;
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        for (int request = 0; request < MaxPages; request++)
        {
            string url = paging.Mode switch
            {
                PagingMode.Page => Query(relativeUrl, join, (paging.PageParameter, paging.FirstPage + request), (paging.SizeParameter, source.PageSize)),
                PagingMode.Offset => Query(relativeUrl, join, (paging.OffsetParameter, seen), (paging.SizeParameter, source.PageSize)),
                PagingMode.Cursor when cursor is null => Query(relativeUrl, join, (paging.SizeParameter, source.PageSize)),
                PagingMode.Cursor => Query(relativeUrl, join, (paging.SizeParameter, source.PageSize)) + $"&{paging.CursorParameter}={Uri.EscapeDataString(cursor)}",
                _ => relativeUrl,
            };
            string where = $"nguồn '{source.Code}': trang {request + 1} của {relativeUrl}";
            using var doc = await http.GetJsonAsync(source, url, cancellationToken);
            if (JsonPath.Find(doc.RootElement, paging.ItemsPath) is not { ValueKind: JsonValueKind.Array } items)
            {
                throw new SourceReadException($"{where} không có mảng tại '{Shown(paging.ItemsPath)}'");
            }

            long? total = paging.TotalPath is { } totalPath && JsonPath.Find(doc.RootElement, totalPath) is { } t ? Total(t) : null;
            int count = items.GetArrayLength();
            if (count == 0)
            {
                // An empty page while the source still promises items means it lost data, not that it is done.
                if (seen < total)
                {
                    throw new SourceReadException($"{where} trống trong khi tổng số mục là {total} (mới nhận {seen})");
                }

                return;
            }

            // A source that ignores the paging parameter (a wrong name in the mapping) answers the first page again and
            // again: without a total that would run to MaxPages, every dossier reported as a duplicate.
            string raw = items.GetRawText();
            if (paging.Mode is PagingMode.Page or PagingMode.Offset && string.Equals(raw, previous, StringComparison.Ordinal))
            {
                string parameter = paging.Mode == PagingMode.Page ? paging.PageParameter : paging.OffsetParameter;
                throw new SourceReadException($"{where} giống hệt trang trước: nguồn có lẽ không nhận tham số phân trang '{parameter}' (kiểm tra mapping.paging)");
            }

            previous = raw;
            await onItems(items, cancellationToken);
            seen += count;
            if (paging.Mode == PagingMode.None || seen >= total)
            {
                return;
            }

            if (paging.Mode == PagingMode.Cursor)
            {
                cursor = JsonPath.Find(doc.RootElement, paging.NextCursorPath) is { } next ? Cursor(next) : null;
                if (string.IsNullOrEmpty(cursor))
                {
                    return;
                }

                if (!cursors.Add(cursor))
                {
                    throw new SourceReadException($"{where} trả lại con trỏ trang đã dùng, dừng để tránh lặp vô hạn");
                }
            }
        }

        throw new SourceReadException($"nguồn '{source.Code}': quá {MaxPages} trang ở {relativeUrl}, dừng để tránh lặp vô hạn");
    }

    private static string Query(string url, char join, params (string Name, long Value)[] parameters) =>
        url + join + string.Join('&', parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Value}")));

    private static string Shown(string path) => path.Length == 0 ? "(gốc)" : path;

    /// <summary>The promised item count, as a number or a numeric string (sources send both); null when unusable.</summary>
    private static long? Total(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out long n) => n,
        JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out long n) => n,
        _ => null,
    };

    private static string? Cursor(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
