using System.Net;

namespace KpiMonitor.Benchmarks.Storage;

/// <summary>Reads each request body and answers 204 at once: measures what the store itself costs, without a server.</summary>
public sealed class NoContentHandler : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request };
    }
}
