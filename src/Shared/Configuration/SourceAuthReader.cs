using System.Text.Json;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads the <c>auth</c> part of a source; the secret itself stays out of the file.</summary>
internal static class SourceAuthReader
{
    private static readonly Dictionary<string, SourceAuthKind> Kinds = new(StringComparer.Ordinal)
    {
        ["none"] = SourceAuthKind.None, ["apiKey"] = SourceAuthKind.ApiKey, ["basic"] = SourceAuthKind.Basic,
        ["bearer"] = SourceAuthKind.Bearer, ["oauth2"] = SourceAuthKind.OAuth2ClientCredentials,
    };

    public static SourceAuth Read(JsonElement source, string sourcePath, JsonConfigReader r, SourceLoadContext context, bool enabled)
    {
        if (!source.TryGetProperty("auth", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return new SourceAuth();
        }

        string path = $"{sourcePath}.auth";
        if (e.ValueKind != JsonValueKind.Object)
        {
            r.Error(path, "phải là một đối tượng JSON");
            return new SourceAuth();
        }

        r.OnlyKnown(e, path, "type", "header", "username", "clientId", "tokenUrl", "scope", "secret", "password", "clientSecret", "token", "key");
        foreach (string inline in new[] { "password", "clientSecret", "token", "key" })
        {
            if (e.TryGetProperty(inline, out _))
            {
                r.Error($"{path}.{inline}", "không ghi bí mật vào tệp cấu hình; đặt 'secret' là tên biến môi trường (hoặc user secret) chứa nó");
            }
        }

        var kind = r.Choice(e, path, "type", true, Kinds) ?? SourceAuthKind.None;
        string? username = r.String(e, path, kind == SourceAuthKind.OAuth2ClientCredentials ? "clientId" : "username", kind is SourceAuthKind.Basic or SourceAuthKind.OAuth2ClientCredentials);
        string? tokenUrl = r.String(e, path, "tokenUrl", kind == SourceAuthKind.OAuth2ClientCredentials);
        string? secret = r.String(e, path, "secret", kind != SourceAuthKind.None);
        if (secret is not null && enabled && context.SecretIsSet is { } isSet && !isSet(secret))
        {
            r.Error($"{path}.secret", $"chưa đặt giá trị bí mật '{secret}' (biến môi trường {secret.Replace(":", "__", StringComparison.Ordinal)} hoặc user secrets)");
        }

        return new SourceAuth
        {
            Kind = kind, Header = r.String(e, path, "header", false) ?? "X-API-Key", Username = username, TokenUrl = tokenUrl,
            Scope = r.String(e, path, "scope", false), SecretKey = secret,
        };
    }
}
