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
        foreach (var month in PollWindow.Months(time.GetUtcNow(), source.Months))
        {
            for (int page = 1; page <= (mapping.Paged ? MaxPages : 1); page++)
            {
                string url = mapping.Path
                    .Replace("{period}", PollWindow.Format(month), StringComparison.Ordinal)
                    .Replace("{year}", month.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{month}", month.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
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
                    ReadItem(item, mapping, resolver, month, source.Code, sink).CommitTo(observations);
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

            if (!TryPeriod(text, out var period))
            {
                record.Fail(timePath, $"'{text}' không phải kỳ yyyy-MM hoặc ngày ISO 8601");
                return record;
            }

            time = VietnamTime.StartOf(period);
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

    private static bool TryPeriod(string text, out DateOnly period)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out period))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            period = PeriodBucket.Floor(VietnamTime.DateOf(instant), PeriodGranularity.Month);
            return true;
        }

        return false;
    }
}
