using System.Text.Json;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Reads the JSON of <c>/query</c> (<c>{"results":[{"statement_id","series":[{"name","tags","columns","values"}],"error"}]}</c>)
/// with a forward-only reader: a 5,000-unit answer is about a megabyte and is read once.
/// Unknown properties are skipped, so newer servers' additions do no harm.
/// </summary>
internal static class InfluxQueryResponse
{
    /// <summary>Parses the results; throws <see cref="JsonException"/> when the body is not such JSON.</summary>
    public static List<InfluxStatementResult> Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var results = new List<InfluxStatementResult>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("results"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    results.Add(ReadResult(ref reader, results.Count));
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                Next(ref reader);
                results.Add(new InfluxStatementResult(0, reader.GetString(), false, []));
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return results;
    }

    private static InfluxStatementResult ReadResult(ref Utf8JsonReader reader, int position)
    {
        int id = position;
        string? error = null;
        bool partial = false;
        var series = new List<InfluxSeries>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("statement_id"u8))
            {
                Next(ref reader);
                id = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                Next(ref reader);
                error = reader.GetString();
            }
            else if (reader.ValueTextEquals("partial"u8))
            {
                partial = Next(ref reader) == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("series"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    series.Add(ReadSeries(ref reader));
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return new InfluxStatementResult(id, error, partial, series);
    }

    private static InfluxSeries ReadSeries(ref Utf8JsonReader reader)
    {
        string name = "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = new List<string>();
        var rows = new List<InfluxCell[]>();
        bool partial = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                Next(ref reader);
                name = reader.GetString() ?? "";
            }
            else if (reader.ValueTextEquals("tags"u8))
            {
                Expect(ref reader, JsonTokenType.StartObject);
                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    string key = reader.GetString()!;
                    Next(ref reader);
                    tags[key] = reader.GetString() ?? "";
                }
            }
            else if (reader.ValueTextEquals("columns"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.String)
                {
                    columns.Add(reader.GetString()!);
                }
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartArray)
                {
                    rows.Add(ReadRow(ref reader, columns.Count));
                }
            }
            else if (reader.ValueTextEquals("partial"u8))
            {
                partial = Next(ref reader) == JsonTokenType.True;
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return new InfluxSeries { Name = name, Tags = tags, Columns = [.. columns], Rows = rows, Partial = partial };
    }

    private static InfluxCell[] ReadRow(ref Utf8JsonReader reader, int width)
    {
        var row = new List<InfluxCell>(width);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            row.Add(reader.TokenType switch
            {
                JsonTokenType.Number => new InfluxCell(reader.GetDouble(), null),
                JsonTokenType.String => new InfluxCell(null, reader.GetString()),
                JsonTokenType.True => new InfluxCell(null, "true"),
                JsonTokenType.False => new InfluxCell(null, "false"),
                JsonTokenType.Null => default,
                _ => throw new JsonException($"Giá trị không mong đợi ({reader.TokenType}) trong một hàng kết quả InfluxDB."),
            });
        }

        return [.. row];
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("Kết quả InfluxDB bị cắt ngang.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (Next(ref reader) != expected)
        {
            throw new JsonException($"Kết quả InfluxDB không đúng dạng: gặp {reader.TokenType} thay vì {expected}.");
        }
    }
}
