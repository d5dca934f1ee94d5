using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Auth;

/// <summary>
/// Adds the credentials of the request's source (<see cref="SourceHttpSetup.ForSource"/>) to each request. For OAuth2,
/// a 401 means the token expired early or was revoked: the token is dropped, a new one fetched and the request sent
/// once more, so an expiry is invisible.
/// </summary>
public sealed class SourceAuthHandler(SourceRegistry sources, SecretReader secrets, OAuth2TokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var source = sources.Get(SourceHttpSetup.Source(request));
        switch (source.Auth.Kind)
        {
            case SourceAuthKind.ApiKey:
                request.Headers.Remove(source.Auth.Header);
                request.Headers.TryAddWithoutValidation(source.Auth.Header, secrets.Read(source));
                break;
            case SourceAuthKind.Basic:
                string pair = $"{source.Auth.Username}:{secrets.Read(source)}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
                break;
            case SourceAuthKind.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secrets.Read(source));
                break;
            case SourceAuthKind.OAuth2ClientCredentials:
                return await SendWithTokenAsync(source, request, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(SourceDefinition source, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string token = await tokens.GetTokenAsync(source, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens.Invalidate(source, token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(source, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
