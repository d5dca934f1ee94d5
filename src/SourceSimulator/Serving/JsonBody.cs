using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>
/// An answer written with <see cref="Utf8JsonWriter"/> into memory, then sent with a Content-Length;
/// the malformed and oversized faults act on the finished bytes, so every endpoint gets them alike.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    /// <summary>About 60 MB of padding: well past any sane response limit (the tests check for more than 50 MB).</summary>
    public const int OversizedPadding = 60 * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Vietnamese names travel as UTF-8, not \u escapes, as real systems send them.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly byte[] PaddingChunk = CreateChunk();
    private static readonly byte[] PaddingOpen = ",\"padding\":\""u8.ToArray();
    private static readonly byte[] PaddingClose = "\"}"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public JsonBody() => Json = new Utf8JsonWriter(_buffer, WriterOptions);

    public Utf8JsonWriter Json { get; }

    public async Task SendAsync(HttpContext context, BodyFaults faults, int status = StatusCodes.Status200OK)
    {
        await Json.FlushAsync(context.RequestAborted);
        var body = _buffer.WrittenMemory;
        var response = context.Response;
        var ct = context.RequestAborted;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (faults.Malformed)
        {
            // Cutting the body in half always loses the closing brace: no parser can accept it.
            var cut = body[..Math.Max(1, body.Length / 2)];
            response.ContentLength = cut.Length;
            await response.Body.WriteAsync(cut, ct);
            return;
        }

        if (faults.Oversized && body.Length > 0 && body.Span[^1] == (byte)'}')
        {
            response.ContentLength = body.Length - 1L + PaddingOpen.Length + OversizedPadding + PaddingClose.Length;
            await response.Body.WriteAsync(body[..^1], ct);
            await response.Body.WriteAsync(PaddingOpen, ct);
            for (int left = OversizedPadding; left > 0; left -= PaddingChunk.Length)
            {
                await response.Body.WriteAsync(PaddingChunk.AsMemory(0, Math.Min(left, PaddingChunk.Length)), ct);
            }

            await response.Body.WriteAsync(PaddingClose, ct);
            return;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    public void Dispose() => Json.Dispose();

    private static byte[] CreateChunk()
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        return chunk;
    }
}
