using System.Globalization;
using System.Net;
using System.Text.Json;
using KpiMonitor.Shared.Text;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Shared.Sources;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KpiMonitor.Collector.Sources.Http;

/// <summary>
/// Fetches JSON from a source through the sources' <see cref="HttpClient"/>, each request marked with its source
/// (auth, timeout, retries and circuit breaker are per source, see <see cref="SourceHttpSetup"/>). Every failure becomes a
/// <see cref="SourceReadException"/> that says which source and which URL, and what went wrong.
/// </summary>
public sealed class SourceHttpClient(IHttpClientFactory factory, IOptions<CollectorOptions> options)
{
    private static readonly CultureInfo Vi = Cultures.Vietnamese;
    private readonly long _maxBytes = options.Value.MaxResponseMegabytes * 1024L * 1024L;

    public async Task<JsonDocument> GetJsonAsync(SourceDefinition source, string relativeUrl, CancellationToken cancellationToken)
    {
        var client = factory.CreateClient(SourceHttpSetup.ClientName);
        string where = $"nguồn '{source.Code}' ({new Uri(source.BaseUrl!, relativeUrl).GetLeftPart(UriPartial.Path)})";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(source.BaseUrl!, relativeUrl)).ForSource(source);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                string body = await ExcerptAsync(response, cancellationToken);
                throw new SourceReadException($"{where} trả về HTTP {(int)response.StatusCode} {response.ReasonPhrase}{body}");
            }

            if (response.Content.Headers.ContentLength > _maxBytes)
            {
                throw new SourceReadException(string.Create(Vi, $"{where} trả về {response.Content.Headers.ContentLength:N0} byte, vượt giới hạn {_maxBytes:N0} byte"));
            }

            await using var stream = new LimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken), _maxBytes);
            return await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new SourceReadException($"{where} trả về JSON không hợp lệ (dòng {ex.LineNumber + 1}, vị trí {ex.BytePositionInLine + 1})", ex);
        }
        catch (LimitedStream.TooLargeException)
        {
            throw new SourceReadException(string.Create(Vi, $"{where} trả về nội dung vượt giới hạn {_maxBytes:N0} byte"));
        }
        catch (IOException ex)
        {
            throw new SourceReadException($"{where}: kết nối bị ngắt khi đang nhận dữ liệu: {ex.Message}", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new SourceReadException($"{where} tạm ngừng gọi sau nhiều lần lỗi liên tiếp (ngắt mạch), thử lại sau", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SourceReadException($"{where} không trả lời trong {source.Timeout.TotalSeconds:0} giây", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceReadException($"{where} không kết nối được: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceReadException($"{where} không trả lời kịp", ex);
        }
    }

    /// <summary>
    /// Reads a paged endpoint page by page as <paramref name="paging"/> says (by default <c>page</c> from 1 and
    /// <c>pageSize</c>, answer <c>{ total, items }</c>), handing each page's items to <paramref name="onItems"/>.
    /// </summary>
    public Task ForEachPageAsync(SourceDefinition source, string relativeUrl, SourcePaging paging,
        Func<JsonElement, CancellationToken, Task> onItems, CancellationToken cancellationToken) =>
        PageWalker.WalkAsync(this, source, relativeUrl, paging, onItems, cancellationToken);

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return " (xác thực bị từ chối: kiểm tra thông tin đăng nhập của nguồn)";
        }

        // Only the start of an error body is shown; a huge one must not be read whole.
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[1024];
        int read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        string body = System.Text.Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
        return body.Length == 0 ? "" : $": {(body.Length > 200 ? body[..200] + "…" : body)}";
    }
}
