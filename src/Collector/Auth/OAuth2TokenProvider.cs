using System.Collections.Concurrent;
using System.Text.Json;
using KpiMonitor.Collector.Sources;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Auth;

/// <summary>
/// OAuth2 client-credentials tokens per source (LGSP gateways, Keycloak realms), cached until shortly before
/// they expire: a tenth of their lifetime before, at most <see cref="MaxMargin"/>, so a 20-second token serves
/// 18 seconds of requests and a 5-minute one 4½ minutes. One request at a time per source, so a burst of calls never
/// fetches a burst of tokens.
/// </summary>
public sealed class OAuth2TokenProvider(IHttpClientFactory factory, SecretReader secrets, TimeProvider time, ILogger<OAuth2TokenProvider> logger)
{
    public const string ClientName = "oauth2-token";

    /// <summary>The longest time before expiry that a token is replaced.</summary>
    public static readonly TimeSpan MaxMargin = TimeSpan.FromSeconds(30);

    /// <summary>Lifetime assumed when the token answer gives none (Keycloak's default).</summary>
    private const int DefaultLifetimeSeconds = 300;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<string> GetTokenAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(source.Code, _ => new Entry());
        if (entry.Token is { } cached && time.GetUtcNow() < entry.RefreshAt)
        {
            return cached;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Token is { } fresh && time.GetUtcNow() < entry.RefreshAt)
            {
                return fresh;
            }

            (entry.Token, entry.RefreshAt) = await RequestAsync(source, cancellationToken);
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

    /// <summary>How long before expiry a token of <paramref name="lifetime"/> is replaced: a tenth of it, at most <see cref="MaxMargin"/>.</summary>
    public static TimeSpan MarginFor(TimeSpan lifetime) => lifetime <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, MaxMargin.Ticks));

    private async Task<(string Token, DateTimeOffset RefreshAt)> RequestAsync(SourceDefinition source, CancellationToken cancellationToken)
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
            string token = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } value
                ? value
                : throw new SourceReadException($"{where}: trả lời không có access_token");
            var lifetime = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var e) ? Seconds(e) ?? DefaultLifetimeSeconds : DefaultLifetimeSeconds);
            logger.LogInformation("Đã lấy token mới cho nguồn {Source}, hiệu lực {Seconds} giây", source.Code, lifetime.TotalSeconds);
            return (token, time.GetUtcNow() + lifetime - MarginFor(lifetime));
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

    /// <summary><c>expires_in</c> as a JSON number or a numeric string (gateways send both); null when unusable.</summary>
    private static int? Seconds(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt32(out int n) => n,
        JsonValueKind.String when int.TryParse(e.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) => n,
        _ => null,
    };

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public string? Token { get; set; }
        public DateTimeOffset RefreshAt { get; set; }
    }
}
