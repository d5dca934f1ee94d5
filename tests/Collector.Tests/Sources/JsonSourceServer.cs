using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using KpiMonitor.SourceSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Collector.Tests.Sources;

/// <summary>
/// A real HTTP source on a loopback port, shaped by the test: an OAuth2 client-credentials token endpoint whose
/// tokens live <see cref="TokenLifetime"/> by the given clock (and can be made to expire after a given number of data
/// requests, mid-paging), and one data path answered by a function of the query. Counts what it served.
/// </summary>
public sealed class JsonSourceServer : IAsyncDisposable
{
    public const string TokenPath = "/oauth2/token";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _queries = new();
    private readonly TimeProvider _clock;
    private int _tokensIssued, _dataRequests, _unauthorized;

    private JsonSourceServer(WebApplication app, TimeProvider clock, TimeSpan lifetime)
    {
        _app = app;
        _clock = clock;
        TokenLifetime = lifetime;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public TimeSpan TokenLifetime { get; }

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Data requests answered 200.</summary>
    public int DataRequests => Volatile.Read(ref _dataRequests);

    /// <summary>Data requests answered 401.</summary>
    public int Unauthorized => Volatile.Read(ref _unauthorized);

    /// <summary>The query string of every data request answered 200, in order.</summary>
    public IReadOnlyList<string> Queries => [.. _queries];

    /// <summary>When the data requests answered so far reach this number, every token issued until then expires.</summary>
    public int ExpireTokensAfterRequests { get; set; } = int.MaxValue;

    /// <summary>Starts the server; <paramref name="answer"/> gives the JSON body of a data request from its query.</summary>
    public static async Task<JsonSourceServer> StartAsync(string dataPath, Func<IQueryCollection, string> answer, TimeProvider clock, TimeSpan tokenLifetime)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{IPAddress.Loopback}:0"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new JsonSourceServer(app, clock, tokenLifetime);
        app.MapPost(TokenPath, server.TokenAsync);
        app.MapGet(dataPath, (HttpContext c) => server.DataAsync(c, answer));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials" || form["client_id"] != SimulatorOptions.DemoClientId || form["client_secret"] != SimulatorOptions.DemoClientSecret)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        string token = Guid.NewGuid().ToString("N");
        _tokens[token] = _clock.GetUtcNow() + TokenLifetime;
        Interlocked.Increment(ref _tokensIssued);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            string.Create(CultureInfo.InvariantCulture, $$"""{ "access_token": "{{token}}", "expires_in": {{(int)TokenLifetime.TotalSeconds}}, "token_type": "Bearer" }"""),
            context.RequestAborted);
    }

    private async Task DataAsync(HttpContext context, Func<IQueryCollection, string> answer)
    {
        string header = context.Request.Headers.Authorization.ToString();
        string token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        if (!_tokens.TryGetValue(token, out var expires) || expires <= _clock.GetUtcNow())
        {
            Interlocked.Increment(ref _unauthorized);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return;
        }

        if (Interlocked.Increment(ref _dataRequests) == ExpireTokensAfterRequests)
        {
            // The token expires while the collector is between two pages of one month.
            foreach (string issued in _tokens.Keys)
            {
                _tokens[issued] = DateTimeOffset.MinValue;
            }
        }

        _queries.Enqueue(context.Request.QueryString.Value ?? "");
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer(context.Request.Query), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
