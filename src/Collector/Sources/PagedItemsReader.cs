using System.Text.Json;
using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Sources;

/// <summary>
/// The common shape of the statistics sources: for each month of the poll window, read the (paged) items,
/// find each item's unit, let the subclass read its fields into observations, and hand every page to the sink.
/// </summary>
public abstract class PagedItemsReader(SourceHttpClient http, Catalog catalog, TimeProvider time) : ISourceReader
{
    private readonly ObservationValidator _validator = new(catalog);

    public abstract SourceKind Kind { get; }

    /// <summary>Field holding the source's unit code.</summary>
    protected abstract string UnitField { get; }

    /// <summary>Relative URL for a month (without paging parameters).</summary>
    protected abstract string UrlFor(DateOnly month);

    /// <summary>Whether the endpoint is paged; unpaged ones keep their items under <c>data</c>.</summary>
    protected virtual bool Paged => true;

    /// <summary>Reads one item's fields into observations for <paramref name="unit"/> and period start <paramref name="time"/>.</summary>
    protected abstract void ReadItem(JsonElement item, RecordBuilder record, string unit, DateTimeOffset time, string source);

    /// <summary>The months read by one poll; a subclass may read only the current one.</summary>
    protected virtual IReadOnlyList<DateOnly> MonthsToRead(SourceDefinition source) => PollWindow.Months(time.GetUtcNow(), source.Months);

    public async Task ReadAsync(SourceDefinition source, IObservationSink sink, CancellationToken cancellationToken)
    {
        var resolver = new UnitResolver(source, catalog);
        foreach (var month in MonthsToRead(source))
        {
            var periodStart = VietnamTime.StartOf(month);

            // A unit twice in one month (a repeated page, or a payload listing it twice) would silently overwrite
            // itself; the second is rejected instead. For anti-malware the month comes from each item, hence the time.
            var seen = new HashSet<(string Unit, DateTimeOffset Time)>();
            async Task OnItems(JsonElement items, CancellationToken ct)
            {
                var page = new List<Observation>();
                foreach (var item in items.EnumerateArray())
                {
                    var record = new RecordBuilder(sink, _validator, "(không rõ)");
                    string code = record.Text(item, UnitField);
                    if (record.Failed)
                    {
                        continue;
                    }

                    record.Unit = code;
                    if (resolver.Resolve(code) is not { } unit)
                    {
                        record.Fail(UnitField, $"mã đơn vị '{code}' không có trong danh mục hay bảng ánh xạ của nguồn");
                        continue;
                    }

                    ReadItem(item, record, unit, periodStart, source.Code);
                    if (!record.Failed && record.Pending.Count > 0 && !seen.Add((unit, record.Pending[0].Time)))
                    {
                        record.Fail(UnitField, $"đơn vị '{unit}' xuất hiện hơn một lần trong dữ liệu của cùng kỳ");
                    }

                    record.CommitTo(page);
                }

                await sink.AddAsync(page, ct);
            }

            if (Paged)
            {
                await http.ForEachPageAsync(source, UrlFor(month), SourcePaging.Default, OnItems, cancellationToken);
            }
            else
            {
                using var doc = await http.GetJsonAsync(source, UrlFor(month), cancellationToken);
                if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                {
                    throw new SourceReadException($"nguồn '{source.Code}': trả lời của {UrlFor(month)} không có mảng 'data'");
                }

                await OnItems(data, cancellationToken);
            }
        }
    }
}
