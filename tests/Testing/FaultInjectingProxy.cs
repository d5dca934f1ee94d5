using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Testing;

/// <summary>
/// A small reverse proxy (Kestrel, loopback, free port) in front of a real server, which can answer the
/// next requests with an error status, delay them or drop the connection. It injects faults into a real
/// conversation instead of imitating the server. Faults are queued and used in order.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly string[] RequestHeaders = ["Authorization", "Accept", "Accept-Encoding"];
    private static readonly string[] ContentHeaders = ["Content-Type", "Content-Encoding"];
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false })
    {
        Timeout = TimeSpan.FromMinutes(5),
    };

    private readonly Uri _target;
    private readonly Lock _lock = new();
    private readonly Queue<Fault> _faults = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private int _requestCount;
    private int _faultCount;

    private FaultInjectingProxy(Uri target)
    {
        _target = target;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    private enum FaultKind
    {
        Status,
        Drop,
        Delay,
    }

    /// <summary>The proxy's address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Requests received, faulted or not.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Requests answered by a fault instead of the server (delays included).</summary>
    public int FaultCount => Volatile.Read(ref _faultCount);

    /// <summary>Requests received, as "METHOD /path?query", in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>The Authorization header of the last request, to check how credentials are sent.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>Starts a proxy to <paramref name="target"/> on a free loopback port.</summary>
    public static async Task<FaultInjectingProxy> StartAsync(Uri target, CancellationToken cancellationToken = default)
    {
        var proxy = new FaultInjectingProxy(target);
        await proxy._app.StartAsync(cancellationToken);
        string address = proxy._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return proxy;
    }

    /// <summary>Answers the next <paramref name="count"/> requests (negative: all) with this status and an InfluxDB-style error body.</summary>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null, string? error = null) =>
        Enqueue(new Fault(FaultKind.Status, count, status, retryAfter, error ?? $"injected {(int)status}", TimeSpan.Zero));

    /// <summary>Answers every request with this status until <see cref="Reset"/>.</summary>
    public void FailAlways(HttpStatusCode status, TimeSpan? retryAfter = null) => FailNext(-1, status, retryAfter);

    /// <summary>Closes the connection of the next <paramref name="count"/> requests without an answer.</summary>
    public void DropNext(int count) => Enqueue(new Fault(FaultKind.Drop, count, 0, null, null, TimeSpan.Zero));

    /// <summary>Holds the next <paramref name="count"/> requests for <paramref name="delay"/> before forwarding them.</summary>
    public void DelayNext(int count, TimeSpan delay) => Enqueue(new Fault(FaultKind.Delay, count, 0, null, null, delay));

    /// <summary>Forgets pending faults and zeroes the counters.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _faults.Clear();
            _requests.Clear();
            _requestCount = 0;
            _faultCount = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private void Enqueue(Fault fault)
    {
        if (fault.Remaining == 0)
        {
            return;
        }

        lock (_lock)
        {
            _faults.Enqueue(fault);
        }
    }

    private Fault? TakeFault()
    {
        lock (_lock)
        {
            if (!_faults.TryPeek(out var fault))
            {
                return null;
            }

            if (fault.Remaining > 0 && --fault.Remaining == 0)
            {
                _faults.Dequeue();
            }

            return fault;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Interlocked.Increment(ref _requestCount);
        _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        LastAuthorization = request.Headers.Authorization;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var fault = TakeFault();
        switch (fault?.Kind)
        {
            case FaultKind.Drop:
                Interlocked.Increment(ref _faultCount);
                context.Abort();
                return;
            case FaultKind.Status:
                Interlocked.Increment(ref _faultCount);
                context.Response.StatusCode = (int)fault.Status;
                if (fault.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = fault.Error! }), context.RequestAborted);
                return;
            case FaultKind.Delay:
                Interlocked.Increment(ref _faultCount);
                await Task.Delay(fault.Delay, context.RequestAborted);
                break;
        }

        await ForwardAsync(context, body.ToArray());
    }

    private async Task ForwardAsync(HttpContext context, byte[] body)
    {
        var request = context.Request;
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, $"{request.Path}{request.QueryString}"));
        if (body.Length > 0 || HttpMethods.IsPost(request.Method))
        {
            forward.Content = new ByteArrayContent(body);
            foreach (string name in ContentHeaders)
            {
                if (request.Headers.TryGetValue(name, out var value))
                {
                    forward.Content.Headers.TryAddWithoutValidation(name, value.ToString());
                }
            }
        }

        foreach (string name in RequestHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value))
            {
                forward.Headers.TryAddWithoutValidation(name, value.ToString());
            }
        }

        try
        {
            using var answer = await _forward.SendAsync(forward, context.RequestAborted);
            byte[] content = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
            context.Response.StatusCode = (int)answer.StatusCode;
            if (answer.Content.Headers.ContentType is { } type)
            {
                context.Response.ContentType = type.ToString();
            }

            if (answer.Content.Headers.ContentEncoding.Count > 0)
            {
                context.Response.Headers.ContentEncoding = string.Join(',', answer.Content.Headers.ContentEncoding);
            }

            if (content.Length > 0)
            {
                await context.Response.Body.WriteAsync(content, context.RequestAborted);
            }
        }
        catch (HttpRequestException)
        {
            // The server behind is down: the client sees its connection end, as through a real proxy.
            context.Abort();
        }
    }

    private sealed class Fault(FaultKind kind, int remaining, HttpStatusCode status, TimeSpan? retryAfter, string? error, TimeSpan delay)
    {
        public FaultKind Kind { get; } = kind;

        public int Remaining { get; set; } = remaining;

        public HttpStatusCode Status { get; } = status;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public string? Error { get; } = error;

        public TimeSpan Delay { get; } = delay;
    }
}
