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
    public static List<InfluxStatementResult> Parse(ReadOnlySpan<byte> json) => Parse(json, null);

    /// <summary>
    /// Parses the results, handing each row to <paramref name="rows"/> as it is read instead of keeping it (the
    /// series then have no <see cref="InfluxSeries.Rows"/>): a national read of 100,000 rows then makes no array per
    /// row and one string per distinct text (a unit code is made once, not once per month).
    /// </summary>
    public static List<InfluxStatementResult> Parse(ReadOnlySpan<byte> json, InfluxRowHandler? rows)
    {
        // A chunked answer is one object per chunk, one after another (newline-separated).
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
        var context = rows is null ? null : new InfluxRows(rows);
        var results = new List<InfluxStatementResult>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (true)
        {
            InfluxStatementResult.AddChunk(results, ReadChunk(ref reader, context));
            if (!reader.Read())
            {
                return results;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Kết quả InfluxDB không đúng dạng: gặp {reader.TokenType} giữa hai phần.");
            }
        }
    }

    /// <summary>One object of the answer, its opening brace read.</summary>
    private static List<InfluxStatementResult> ReadChunk(ref Utf8JsonReader reader, InfluxRows? context)
    {
        var results = new List<InfluxStatementResult>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("results"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    results.Add(ReadResult(ref reader, results.Count, context));
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

    private static InfluxStatementResult ReadResult(ref Utf8JsonReader reader, int position, InfluxRows? context)
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
                    series.Add(ReadSeries(ref reader, context));
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

    private static InfluxSeries ReadSeries(ref Utf8JsonReader reader, InfluxRows? context)
    {
        string name = "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = new List<string>();
        var rows = new List<InfluxCell[]>();
        bool partial = false;
        InfluxSeries? handed = null;
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
                if (context is not null)
                {
                    // InfluxDB writes name, tags and columns before the values; a series is handed over as it stands then.
                    handed = new InfluxSeries { Name = name, Tags = tags, Columns = [.. columns], Rows = rows };
                    while (Next(ref reader) == JsonTokenType.StartArray)
                    {
                        context.Handler(handed, ReadRow(ref reader, context));
                    }

                    continue;
                }

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

        return new InfluxSeries { Name = name, Tags = tags, Columns = handed?.Columns ?? [.. columns], Rows = rows, Partial = partial };
    }

    private static InfluxCell[] ReadRow(ref Utf8JsonReader reader, int width)
    {
        var row = new List<InfluxCell>(width);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            row.Add(Cell(ref reader));
        }

        return [.. row];
    }

    /// <summary>Reads a row into the shared buffer (valid until the next row).</summary>
    private static ReadOnlySpan<InfluxCell> ReadRow(ref Utf8JsonReader reader, InfluxRows rows)
    {
        rows.Clear();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            rows.Add(reader.TokenType == JsonTokenType.String ? new InfluxCell(null, Text(ref reader, rows)) : Cell(ref reader));
        }

        return rows.Row;
    }

    private static string Text(ref Utf8JsonReader reader, InfluxRows rows)
    {
        int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > InfluxRows.MaxPooled)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[InfluxRows.MaxPooled];
        return rows.Intern(chars[..reader.CopyString(chars)]);
    }

    private static InfluxCell Cell(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => new InfluxCell(reader.GetDouble(), null),
        JsonTokenType.String => new InfluxCell(null, reader.GetString()),
        JsonTokenType.True => new InfluxCell(null, "true"),
        JsonTokenType.False => new InfluxCell(null, "false"),
        JsonTokenType.Null => default,
        _ => throw new JsonException($"Giá trị không mong đợi ({reader.TokenType}) trong một hàng kết quả InfluxDB."),
    };

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
