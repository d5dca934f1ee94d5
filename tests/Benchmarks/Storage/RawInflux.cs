using System.Net;
using System.Net.Http.Headers;

namespace KpiMonitor.Benchmarks.Storage;

/// <summary>The baseline: InfluxDB's HTTP API used directly, with no store in between.</summary>
public static class RawInflux
{
    public static async Task PostAllAsync(HttpClient http, Uri url, string db, List<byte[]> bodies)
    {
        foreach (var body in bodies)
        {
            await PostAsync(http, url, db, body);
        }
    }

    public static async Task PostAsync(HttpClient http, Uri url, string db, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        using var response = await http.PostAsync(new Uri(url, $"/write?db={db}&precision=ms"), content);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"Raw write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<string> QueryAsync(HttpClient http, Uri url, string? db, string q)
    {
        var form = new List<KeyValuePair<string, string>> { new("q", q), new("epoch", "ms") };
        if (db is not null)
        {
            form.Add(new("db", db));
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(url, "/query"), content);
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"Raw query failed: {(int)response.StatusCode} {body}");
    }
}
