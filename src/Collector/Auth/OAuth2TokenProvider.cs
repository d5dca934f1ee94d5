using System.Collections.Concurrent;
using System.Text.Json;
using KpiMonitor.Collector.Sources;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Auth;

/// <summary>
/// OAuth2 client-credentials tokens per source (LGSP gateways, Keycloak realms), cached until shortly before
/// they expire. One request at a time per source, so a burst of calls never fetches a burst of tokens.
/// </summary>
public sealed class OAuth2TokenProvider(IHttpClientFactory factory, SecretReader secrets, TimeProvider time, ILogger<OAuth2TokenProvider> logger)
{
    public const string ClientName = "oauth2-token";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<string> GetTokenAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(source.Code, _ => new Entry());
        if (entry.Token is { } cached && time.GetUtcNow() < entry.ExpiresAt - Margin)
        {
            return cached;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Token is { } fresh && time.GetUtcNow() < entry.ExpiresAt - Margin)
            {
                return fresh;
            }

            (entry.Token, entry.ExpiresAt) = await RequestAsync(source, cancellationToken);
            return entry.Token;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Forgets a token the source no longer accepts, unless a newer one already replaced it.</summary>
    public void Invalidate(SourceDefinition source, string token)
    {
        if (_entries.TryGetValue(source.Code, out var entry) && entry.Token == token)
        {
            entry.Token = null;
        }
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> RequestAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var url = new Uri(source.BaseUrl!, source.Auth.TokenUrl!);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = source.Auth.Username!,
            ["client_secret"] = secrets.Read(source),
        };
        if (source.Auth.Scope is { } scope)
        {
            form["scope"] = scope;
        }

        string where = $"nguồn '{source.Code}': lấy token OAuth2 tại {url.GetLeftPart(UriPartial.Path)}";
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await factory.CreateClient(ClientName).PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceReadException($"{where} bị từ chối: HTTP {(int)response.StatusCode} (kiểm tra client id và bí mật)");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var doc = await JsonDocument.ParseAsync(stream, default, cancellationToken);
            var root = doc.RootElement;
            string token = root.TryGetProperty("access_token", out var t) && t.GetString() is { Length: > 0 } value
                ? value
                : throw new SourceReadException($"{where}: trả lời không có access_token");
            int lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out int seconds) ? seconds : 300;
            logger.LogInformation("Đã lấy token mới cho nguồn {Source}, hiệu lực {Seconds} giây", source.Code, lifetime);
            return (token, time.GetUtcNow().AddSeconds(lifetime));
        }
        catch (HttpRequestException ex)
        {
            throw new SourceReadException($"{where} không kết nối được: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new SourceReadException($"{where}: trả lời không phải JSON", ex);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public string? Token { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
    }
}
