using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// An answer of one server: status, body, the server's address, the wait a <c>Retry-After</c> header asked for and
/// whether the body is MessagePack (a query's answer when the server honours <c>Accept: application/x-msgpack</c>).
/// </summary>
internal readonly record struct InfluxReply(HttpStatusCode Status, string Reason, ReadOnlyMemory<byte> Body, Uri Server, TimeSpan? RetryAfter = null, bool MessagePack = false)
{
    /// <summary>
    /// The array of <see cref="ArrayPool{T}.Shared"/> that <see cref="Body"/> lies in, when it was read into one; whoever
    /// is done with the body last gives it back (<see cref="Release"/>). A reply never released is left to the collector.
    /// </summary>
    public byte[]? Rented { get; init; }
    /// <summary>The media type asked for query answers; 1.x matches it as written, so it is sent alone (no q-values).</summary>
    public const string MessagePackMediaType = "application/x-msgpack";

    private const int MaxQuoted = 500;

    public int Code => (int)Status;

    /// <summary>
    /// The server's own words: the <c>error</c> (1.x, 2.x: <c>message</c>) of a JSON body, else the text,
    /// shortened. Servers do not echo credentials, so this is safe to log and to put in exceptions.
    /// </summary>
    public string ServerMessage => MessagePack && InfluxMessagePackResponse.ErrorOf(Body) is { } error ? Shorten(error) : Describe(Body);

    /// <summary>Gives the body's array back to the pool; the body must not be read after.</summary>
    public void Release()
    {
        if (Rented is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    public static string Describe(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return "(không có nội dung)";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (string name in (string[])["error", "message"])
                {
                    if (json.RootElement.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
                    {
                        return Shorten(text.GetString()!);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): quote it as it is.
        }

        return Shorten(Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, MaxQuoted * 4)]).Trim());
    }

    private static string Shorten(string text) => text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "…");
}
