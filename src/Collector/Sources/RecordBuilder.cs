using System.Globalization;
using System.Text.Json;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Sources;

/// <summary>
/// Reads the fields of one record (one item of a payload) and builds its observations. Any problem rejects
/// the whole record through the sink, naming source unit and field, so nothing half-parsed is written.
/// Numbers are accepted as JSON numbers or as strings of a plain number ("123", "12.5"), as real payloads mix both.
/// </summary>
public sealed class RecordBuilder(IObservationSink sink, ObservationValidator validator, string unitForMessages)
{
    private readonly List<Observation> _observations = [];
    private bool _failed;

    public string Unit { get; set; } = unitForMessages;

    /// <summary>A required non-negative count.</summary>
    public double Count(JsonElement item, string field)
    {
        double value = Number(item, field);
        if (!_failed && (value < 0 || value != Math.Floor(value)))
        {
            Fail(field, $"'{value.ToString(CultureInfo.InvariantCulture)}' không phải số đếm (số nguyên không âm)");
        }

        return value;
    }

    /// <summary>A required number.</summary>
    public double Number(JsonElement item, string field)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            Fail(field, "thiếu trường");
            return 0;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double number) && double.IsFinite(number))
        {
            return number;
        }

        if (element.ValueKind == JsonValueKind.String
            && double.TryParse(element.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed))
        {
            return parsed;
        }

        Fail(field, $"không phải số: {Excerpt(element)}");
        return 0;
    }

    /// <summary>A required string.</summary>
    public string Text(JsonElement item, string field)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var element))
        {
            if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
            {
                return element.GetString()!.Trim();
            }

            if (element.ValueKind == JsonValueKind.Number)
            {
                return element.GetRawText();
            }
        }

        Fail(field, "thiếu hoặc không phải chuỗi");
        return "";
    }

    public void Ratio(string kpi, string unit, DateTimeOffset time, double numerator, double denominator, string source, string fields) =>
        Add(Observation.Ratio(kpi, unit, time, numerator, denominator, source), fields);

    public void Scalar(string kpi, string unit, DateTimeOffset time, double value, string source, string field) =>
        Add(Observation.Scalar(kpi, unit, time, value, source), field);

    /// <summary>Rejects the record; only its first problem is reported, so one bad record counts once.</summary>
    public void Fail(string field, string problem)
    {
        if (!_failed)
        {
            sink.Reject(Unit, field, problem);
        }

        _failed = true;
    }

    public bool Failed => _failed;

    /// <summary>Moves the record's observations into <paramref name="page"/> when every field was good.</summary>
    public void CommitTo(List<Observation> page)
    {
        if (!_failed)
        {
            page.AddRange(_observations);
        }
    }

    private void Add(Observation observation, string fields)
    {
        if (_failed)
        {
            return;
        }

        if (validator.Validate(observation) is { } reason)
        {
            Fail(fields, reason);
            return;
        }

        _observations.Add(observation);
    }

    private static string Excerpt(JsonElement element)
    {
        string raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
