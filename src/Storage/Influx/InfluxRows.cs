namespace KpiMonitor.Storage.Influx;

/// <summary>
/// For one parse that hands rows over (<see cref="InfluxRowHandler"/>): the row buffer, reused from row to row, and
/// the texts already made, so a unit code repeated in every month of a national read is one string.
/// </summary>
internal sealed class InfluxRows(InfluxRowHandler handler)
{
    /// <summary>Texts longer than this are made each time: codes and names repeat, messages seldom do.</summary>
    public const int MaxPooled = 128;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private InfluxCell[] _row = new InfluxCell[8];
    private int _count;

    public InfluxRowHandler Handler { get; } = handler;

    /// <summary>The cells read since <see cref="Clear"/>.</summary>
    public ReadOnlySpan<InfluxCell> Row => _row.AsSpan(0, _count);

    public void Clear() => _count = 0;

    public void Add(InfluxCell cell)
    {
        if (_count == _row.Length)
        {
            Array.Resize(ref _row, _row.Length * 2);
        }

        _row[_count++] = cell;
    }

    /// <summary>The one string of these characters made during this parse.</summary>
    public string Intern(ReadOnlySpan<char> chars)
    {
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars, out string? text))
        {
            text = new string(chars);
            _texts[text] = text;
        }

        return text;
    }
}

/// <summary>Takes one row of a series while the answer is read; the span is only valid during the call.</summary>
internal delegate void InfluxRowHandler(InfluxSeries series, ReadOnlySpan<InfluxCell> row);
