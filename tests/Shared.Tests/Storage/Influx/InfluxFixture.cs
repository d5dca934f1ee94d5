using System.Net.Http.Headers;
using System.Text;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>
/// One private influxd for all InfluxDB tests (or the server named by KPIMONITOR_INFLUX_URL). Tests keep
/// apart by using a fresh database each, so they may run in any order.
/// </summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private InfluxdServer? _server;

    public Uri Url { get; private set; } = null!;

    /// <summary>Shared by the stores, as IHttpClientFactory would share a handler.</summary>
    public HttpClient Http { get; } = new();

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Databases = [];

    public static string NewDatabase()
    {
        string name = $"t_{Guid.NewGuid():N}";
        Databases.Add(name);
        return name;
    }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("KPIMONITOR_INFLUX_URL") is { Length: > 0 } external)
        {
            Url = new Uri(external);
            return;
        }

        _server = await InfluxdServer.StartAsync();
        Url = _server.Url;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        else
        {
            // Someone else's server: take away the databases the tests made.
            foreach (string database in Databases)
            {
                await QueryRawAsync(null, $"DROP DATABASE {InfluxQl.Identifier(database)}");
            }
        }

        Http.Dispose();
    }

    public InfluxTimeSeriesStore CreateStore(
        Catalog catalog, string database, Action<InfluxOptions>? configure = null, Uri? url = null, ILogger<InfluxTimeSeriesStore>? logger = null,
        TimeProvider? time = null)
    {
        var options = new InfluxOptions { Url = (url ?? Url).ToString(), Database = database, FirstRetryDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        return new InfluxTimeSeriesStore(Http, Options.Create(options), catalog, time ?? TimeProvider.System, logger ?? NullLogger<InfluxTimeSeriesStore>.Instance);
    }

    /// <summary>Writes line protocol directly, bypassing the store; returns status and body.</summary>
    public async Task<(int Status, string Body)> WriteRawAsync(string database, string lines)
    {
        using var content = new StringContent(lines, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await Http.PostAsync(new Uri(Url, $"/write?db={Uri.EscapeDataString(database)}&precision=ms"), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs InfluxQL directly and returns the JSON text.</summary>
    public async Task<string> QueryRawAsync(string? database, string query)
    {
        var form = new List<KeyValuePair<string, string>> { new("q", query), new("epoch", "ms") };
        if (database is not null)
        {
            form.Add(new("db", database));
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(new Uri(Url, "/query"), content);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task CreateDatabaseAsync(string database)
    {
        string body = await QueryRawAsync(null, $"CREATE DATABASE {InfluxQl.Identifier(database)}");
        Assert.DoesNotContain("\"error\"", body, StringComparison.Ordinal);
    }

    public async Task<bool> DatabaseExistsAsync(string database) =>
        (await QueryRawAsync(null, "SHOW DATABASES")).Contains($"[\"{database}\"]", StringComparison.Ordinal);
}
