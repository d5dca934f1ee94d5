using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>
/// Writes a paged answer, producing only the items of the requested page: a 5,000-unit source costs
/// one page of figures per request, never a full regeneration.
/// </summary>
internal static class PagedWriter
{
    public static void Write<TItem>(
        Utf8JsonWriter json,
        PageQuery page,
        int total,
        BodyFaults faults,
        Func<int, TItem> itemAt,
        Func<TItem, TItem> inflate,
        ItemWriter<TItem> write)
    {
        JsonFields.BeginPage(json, page.Page, page.PageSize, total, faults);
        if (!faults.EmptyPage)
        {
            var (from, to) = page.Slice(total);
            for (int i = from; i < to; i++)
            {
                var item = itemAt(i);
                if (i == from && faults.NumerAboveDenominator)
                {
                    item = inflate(item);
                }

                write(json, item, faults, faults.For(i - from));
            }
        }

        JsonFields.EndPage(json);
    }

    /// <summary>All items on one page, as the truth endpoints answer (no faults).</summary>
    public static void WriteAll<TItem>(Utf8JsonWriter json, IReadOnlyList<TItem> items, ItemWriter<TItem> write) =>
        Write(json, new PageQuery(1, Math.Max(1, items.Count)), items.Count, default, i => items[i], i => i, write);
}
