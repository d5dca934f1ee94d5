using System.Buffers;
using System.Globalization;
using System.Text;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Formats InfluxDB line protocol straight into a pooled UTF-8 buffer: a million points would otherwise
/// cost a million strings. Call <see cref="BeginLine"/>, then <see cref="Tag"/> (tags sorted by key help
/// the server), then at least one <c>Field</c>, then <see cref="EndLine"/>. A bad value (newline, NaN,
/// tag value ending in a backslash) throws <see cref="ArgumentException"/> and discards the unfinished
/// line, so the lines already written stay valid. Not thread-safe.
/// </summary>
public sealed class LineProtocolWriter : IDisposable
{
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \n\r");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= \n\r");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\\n\r");

    private byte[] _buffer;
    private int _length;
    private int _lineStart;
    private State _state;

    /// <summary>Creates a writer with a buffer rented from the shared pool.</summary>
    public LineProtocolWriter(int initialCapacity = 64 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    private enum State
    {
        Idle,
        Tags,
        Fields,
    }

    /// <summary>Bytes written so far (complete lines only, unless a line is being written).</summary>
    public int Length => _length;

    /// <summary>Complete lines written since the last <see cref="Clear"/>.</summary>
    public int LineCount { get; private set; }

    /// <summary>The complete lines as UTF-8, each ending with <c>\n</c>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _state == State.Idle
        ? _buffer.AsMemory(0, _length)
        : throw new InvalidOperationException("Dòng line protocol chưa kết thúc (thiếu EndLine).");

    /// <summary>The underlying array, for APIs that need one; valid bytes are <c>[0, Length)</c>.</summary>
    internal byte[] Buffer => _buffer;

    /// <summary>Forgets everything written but keeps the buffer for reuse.</summary>
    public void Clear()
    {
        _length = 0;
        _lineStart = 0;
        LineCount = 0;
        _state = State.Idle;
    }

    /// <summary>Starts a point: writes the escaped measurement name.</summary>
    public void BeginLine(string measurement)
    {
        if (_state != State.Idle)
        {
            throw new InvalidOperationException("Dòng trước chưa kết thúc (thiếu EndLine).");
        }

        if (string.IsNullOrEmpty(measurement))
        {
            throw new ArgumentException("Tên measurement không được rỗng.", nameof(measurement));
        }

        _lineStart = _length;
        _state = State.Tags;
        WriteEscaped(measurement, MeasurementSpecials, nameof(measurement));
    }

    /// <summary>Adds a tag; an empty or null value is omitted, because line protocol has no empty tag values.</summary>
    public void Tag(string key, string? value)
    {
        if (_state != State.Tags)
        {
            throw new InvalidOperationException("Thẻ (tag) phải đứng sau BeginLine và trước các trường.");
        }

        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (string.IsNullOrEmpty(key))
        {
            Discard("Tên thẻ (tag key) không được rỗng.", nameof(key));
        }

        if (value.EndsWith('\\'))
        {
            Discard($"Giá trị thẻ '{key}' kết thúc bằng '\\', InfluxDB từ chối.", nameof(value));
        }

        WriteByte((byte)',');
        WriteEscaped(key, KeySpecials, nameof(key));
        WriteByte((byte)'=');
        WriteEscaped(value, KeySpecials, nameof(value));
    }

    /// <summary>Adds a float field; NaN and infinities are refused (line protocol cannot carry them).</summary>
    public void Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            Discard($"Trường '{key}' có giá trị {value.ToString(CultureInfo.InvariantCulture)} không phải số hữu hạn.", nameof(value));
        }

        WriteFieldKey(key);
        Ensure(32);

        // Shortest round-trippable form; InfluxDB accepts exponents such as 1E+20 and 5E-324 (checked on 1.6).
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Adds an integer field (written with the <c>i</c> suffix).</summary>
    public void Field(string key, long value)
    {
        WriteFieldKey(key);
        WriteInteger(value);
        WriteByte((byte)'i');
    }

    /// <summary>Adds a string field; double quotes and backslashes are escaped, newlines refused.</summary>
    public void Field(string key, string value)
    {
        WriteFieldKey(key);
        WriteByte((byte)'"');
        WriteEscaped(value, StringSpecials, nameof(value));
        WriteByte((byte)'"');
    }

    /// <summary>Ends the point with its timestamp (in the precision the request names) and a newline.</summary>
    public void EndLine(long timestamp)
    {
        if (_state != State.Fields)
        {
            Discard("Một điểm cần ít nhất một trường (field).", nameof(timestamp));
        }

        WriteByte((byte)' ');
        WriteInteger(timestamp);
        WriteByte((byte)'\n');
        _state = State.Idle;
        LineCount++;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void WriteFieldKey(string key)
    {
        if (_state == State.Idle)
        {
            throw new InvalidOperationException("Trường (field) phải đứng sau BeginLine.");
        }

        if (string.IsNullOrEmpty(key))
        {
            Discard("Tên trường (field key) không được rỗng.", nameof(key));
        }

        WriteByte(_state == State.Tags ? (byte)' ' : (byte)',');
        _state = State.Fields;
        WriteEscaped(key, KeySpecials, nameof(key));
        WriteByte((byte)'=');
    }

    private void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> specials, string parameter)
    {
        while (true)
        {
            int i = text.IndexOfAny(specials);
            var plain = i < 0 ? text : text[..i];
            if (!plain.IsEmpty)
            {
                Ensure(Encoding.UTF8.GetMaxByteCount(plain.Length));
                _length += Encoding.UTF8.GetBytes(plain, _buffer.AsSpan(_length));
            }

            if (i < 0)
            {
                return;
            }

            char special = text[i];
            if (special is '\n' or '\r')
            {
                Discard("Line protocol không cho phép ký tự xuống dòng trong tên hoặc giá trị.", parameter);
            }

            Ensure(2);
            _buffer[_length++] = (byte)'\\';
            _buffer[_length++] = (byte)special;
            text = text[(i + 1)..];
        }
    }

    private void WriteInteger(long value)
    {
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void Ensure(int extra)
    {
        if (_buffer.Length - _length >= extra)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    /// <summary>Drops the line in progress, if any (never a completed one), and refuses the call.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Discard(string message, string parameter)
    {
        if (_state != State.Idle)
        {
            _length = _lineStart;
        }

        _state = State.Idle;
        throw new ArgumentException(message, parameter);
    }
}
