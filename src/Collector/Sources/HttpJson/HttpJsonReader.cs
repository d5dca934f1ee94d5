using System.Globalization;
using System.Text.Json;
using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Sources.HttpJson;

/// <summary>
/// Any HTTP JSON system, read through the declarative mapping of sources.json (where the items, the unit,
/// the period and each KPI's figures are), so a province can add a system without code.
/// </summary>
public sealed class HttpJsonReader(SourceHttpClient http, Catalog catalog, TimeProvider time) : ISourceReader
{
    private const int MaxPages = 10_000;
    private readonly ObservationValidator _validator = new(catalog);

    public SourceKind Kind => SourceKind.HttpJson;

    public async Task ReadAsync(SourceDefinition source, IObservationSink sink, CancellationToken cancellationToken)
    {
        var mapping = source.Mapping ?? throw new SourceReadException($"nguồn '{source.Code}' thiếu mục mapping");
        var resolver = new UnitResolver(source, catalog);
        var now = time.GetUtcNow();

        // A path that asks for no month is read once: its items carry their period (timePath) or describe now.
        IReadOnlyList<DateOnly?> requests = PeriodPlaceholders.AsksForMonth(mapping.Path)
            ? [.. PollWindow.Months(now, source.Months).Select(m => (DateOnly?)m)]
            : [null];
        var current = PollWindow.Months(now, 1)[0];
        foreach (var month in requests)
        {
            // A unit twice in one period would silently overwrite itself; the second is rejected, as the statistics readers do.
            var seen = new HashSet<(string Unit, DateTimeOffset Time)>();
            string path = month is { } m ? PeriodPlaceholders.Fill(mapping.Path, m, mapping.PeriodFormat) : mapping.Path;
            for (int page = 1; page <= (mapping.Paged ? MaxPages : 1); page++)
            {
                string url = path.Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                using var doc = await http.GetJsonAsync(source, url, cancellationToken);
                var items = JsonPath.Find(doc.RootElement, mapping.ItemsPath);
                if (items is not { ValueKind: JsonValueKind.Array } array)
                {
                    throw new SourceReadException($"nguồn '{source.Code}': không tìm thấy mảng tại '{mapping.ItemsPath}' trong trả lời của {url}");
                }

                if (array.GetArrayLength() == 0)
                {
                    break;
                }

                var observations = new List<Observation>();
                foreach (var item in array.EnumerateArray())
                {
                    var record = ReadItem(item, mapping, resolver, month ?? current, source.Code, sink);
                    if (!record.Failed && record.Pending.Count > 0 && !seen.Add((record.Pending[0].Unit, record.Pending[0].Time)))
                    {
                        record.Fail(mapping.UnitPath, $"đơn vị '{record.Pending[0].Unit}' xuất hiện hơn một lần trong dữ liệu của cùng kỳ");
                    }

                    record.CommitTo(observations);
                }

                await sink.AddAsync(observations, cancellationToken);
                if (mapping.Paged && page == MaxPages)
                {
                    throw new SourceReadException($"nguồn '{source.Code}': quá {MaxPages} trang ở {mapping.Path}, dừng để tránh lặp vô hạn");
                }
            }
        }
    }

    private RecordBuilder ReadItem(JsonElement item, JsonSourceMapping mapping, UnitResolver resolver, DateOnly month, string source, IObservationSink sink)
    {
        var record = new RecordBuilder(sink, _validator, "(không rõ)");
        var unitElement = JsonPath.Find(item, mapping.UnitPath);
        string? code = unitElement?.ValueKind switch
        {
            JsonValueKind.String => unitElement.Value.GetString(),
            JsonValueKind.Number => unitElement.Value.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(code))
        {
            record.Fail(mapping.UnitPath, "thiếu mã đơn vị");
            return record;
        }

        record.Unit = code;
        if (resolver.Resolve(code) is not { } unit)
        {
            record.Fail(mapping.UnitPath, $"mã đơn vị '{code}' không có trong danh mục hay bảng ánh xạ của nguồn");
            return record;
        }

        var time = VietnamTime.StartOf(month);
        if (mapping.TimePath is { } timePath)
        {
            string text = record.Text(JsonPath.Parent(item, timePath), JsonPath.Leaf(timePath));
            if (record.Failed)
            {
                return record;
            }

            if (!SourceDates.TryParse(text, mapping.TimeFormats, out var local))
            {
                record.Fail(timePath, $"'{(text.Length > 40 ? text[..40] + "…" : text)}' không phải kỳ dạng {SourceDates.Describe(mapping.TimeFormats)}");
                return record;
            }

            time = VietnamTime.StartOf(new DateOnly(local.Year, local.Month, 1));
        }

        foreach (var kpi in mapping.Kpis)
        {
            if (kpi.ValuePath is { } valuePath)
            {
                double value = record.Number(JsonPath.Parent(item, valuePath), JsonPath.Leaf(valuePath));
                record.Scalar(kpi.Kpi, unit, time, value, source, valuePath);
            }
            else
            {
                double numerator = record.Number(JsonPath.Parent(item, kpi.NumeratorPath!), JsonPath.Leaf(kpi.NumeratorPath!));
                double denominator = record.Number(JsonPath.Parent(item, kpi.DenominatorPath!), JsonPath.Leaf(kpi.DenominatorPath!));
                record.Ratio(kpi.Kpi, unit, time, numerator, denominator, source, $"{kpi.NumeratorPath} / {kpi.DenominatorPath}");
            }
        }

        return record;
    }
}
