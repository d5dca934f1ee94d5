using System.Security.Cryptography;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// How the dashboard's own files (stylesheet, icon) are answered: kept by browsers for a year when asked for by their
/// current fingerprint (the address pages link changes with the file), revalidated by entity tag otherwise.
/// </summary>
internal static class AssetResponse
{
    /// <summary>12 hex digits of the content's SHA-256: the <c>?v=</c> of the address pages link.</summary>
    public static string Fingerprint(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content))[..12];

    public static IResult Serve(HttpContext context, byte[] content, string contentType, string version)
    {
        bool current = context.Request.Query["v"] == version;
        context.Response.Headers.CacheControl = current ? "public, max-age=31536000, immutable" : "no-cache";
        context.Response.Headers.ETag = $"\"{version}\"";
        if (context.Request.Headers.IfNoneMatch == $"\"{version}\"")
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(content, contentType);
    }
}
