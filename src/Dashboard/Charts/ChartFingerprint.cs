using KpiMonitor.Charts;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace KpiMonitor.Dashboard.Charts;

/// <summary>
/// A digest of everything a chart is drawn from: the kind and size of image, the figures and which of them are of a
/// period still in progress (a month that ends draws differently with the same figures), the targets, the labels,
/// the language, and the build of the dashboard that draws it (a new release may draw the same figures differently).
/// Two charts with the same fingerprint are the same image, so it is both the cache key and the HTTP entity tag.
/// </summary>
internal sealed class ChartFingerprint : IDisposable
{
    private static readonly byte[] Build = typeof(ChartFingerprint).Module.ModuleVersionId.ToByteArray();
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public ChartFingerprint(string kind, int width, int height)
    {
        _hash.AppendData(Build);
        Add(kind).Add(width).Add(height);
    }

    public ChartFingerprint Add(string? text)
    {
        if (text is null)
        {
            return Add(-1);
        }

        Add(text.Length);
        _hash.AppendData(Encoding.UTF8.GetBytes(text));
        return this;
    }

    public ChartFingerprint Add(int number)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, number);
        _hash.AppendData(_buffer, 0, 4);
        return this;
    }

    public ChartFingerprint Add(bool flag) => Add(flag ? 1 : 0);

    public ChartFingerprint Add(DateOnly day) => Add(day.DayNumber);

    // Bit for bit: NaN, a missing figure and -0 stay apart, as they may draw differently.
    public ChartFingerprint Add(double? number)
    {
        Add(number.HasValue);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer, BitConverter.DoubleToInt64Bits(number ?? 0));
        _hash.AppendData(_buffer, 0, 8);
        return this;
    }

    public ChartFingerprint Add(IReadOnlyList<ChartPoint> points)
    {
        Add(points.Count);
        foreach (var point in points)
        {
            Add(point.Period).Add(point.Value).Add(point.InProgress);
        }

        return this;
    }

    /// <summary>128 bits of the digest, URL-safe base64: short enough for a header, far from any collision.</summary>
    public string Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return Convert.ToBase64String(digest[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public void Dispose() => _hash.Dispose();
}
