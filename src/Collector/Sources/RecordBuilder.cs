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
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var raw) && raw.ValueKind == JsonValueKind.String
            && LooksGrouped(raw.GetString()))
        {
            // "1.000" would parse as 1 and pass as a whole number: a count 1,000 times too small.
            Fail(field, $"'{raw.GetString()}' có dấu chấm phân cách hàng nghìn; số đếm phải gửi không phân cách (1000)");
            return 0;
        }

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

    /// <summary>The observations built so far, not yet committed.</summary>
    public IReadOnlyList<Observation> Pending => _observations;

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

    /// <summary>"1.234" or "12.500.000": Vietnamese thousands grouping, which invariant parsing would read 1,000 times too small.</summary>
    private static bool LooksGrouped(string? text) =>
        text is not null && System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), @"^-?\d{1,3}(\.\d{3})+$");

    private static string Excerpt(JsonElement element)
    {
        string raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
