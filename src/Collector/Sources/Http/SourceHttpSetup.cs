using KpiMonitor.Collector.Auth;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Shared.Sources;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace KpiMonitor.Collector.Sources.Http;

/// <summary>
/// The HTTP client of the sources. Each request carries its source's code (<see cref="ForSource"/>), and the resilience
/// handler keeps one pipeline per source, built from that source's settings the first time it is called, so one
/// slow or failing source never delays another (its own timeout, retries and circuit breaker) and registration
/// needs no list of sources. Retries sit outside authentication, so a retried request picks up a refreshed token.
/// </summary>
public static class SourceHttpSetup
{
    public const string ClientName = "sources";

    private static readonly HttpRequestOptionsKey<string> SourceCode = new("kpimonitor.source");

    public static void AddSourceClients(IServiceCollection services)
    {
        services.AddHttpClient(OAuth2TokenProvider.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        // Handlers run in the order added: resilience outside, authentication inside it.
        var client = services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("nguon", (pipeline, context) => Build(pipeline,
                context.ServiceProvider.GetRequiredService<SourceRegistry>().Get(context.InstanceName is { Length: > 0 } code ? code : throw Unmarked()),
                context.ServiceProvider.GetRequiredService<IOptions<CollectorOptions>>().Value))
            // The handler also calls the selector once with a request of its own, so an unmarked request must not throw here.
            .SelectPipelineBy(_ => request => request.Options.TryGetValue(SourceCode, out string? code) ? code : "");
        client.AddHttpMessageHandler(sp => new SourceAuthHandler(sp.GetRequiredService<SourceRegistry>(),
            sp.GetRequiredService<SecretReader>(), sp.GetRequiredService<OAuth2TokenProvider>()));
    }

    /// <summary>Marks <paramref name="request"/> as a call to <paramref name="source"/>: its pipeline and credentials.</summary>
    public static HttpRequestMessage ForSource(this HttpRequestMessage request, SourceDefinition source)
    {
        request.Options.Set(SourceCode, source.Code);
        return request;
    }

    /// <summary>The code of the source <paramref name="request"/> is for; a request without one is a programming error.</summary>
    public static string Source(HttpRequestMessage request) =>
        request.Options.TryGetValue(SourceCode, out string? code) ? code : throw Unmarked();

    private static InvalidOperationException Unmarked() =>
        new($"A request through the '{ClientName}' client must name its source (ForSource).");

    private static void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SourceDefinition source, CollectorOptions options)
    {
        pipeline.AddTimeout(source.Timeout * (options.HttpRetries + 2) + options.HttpRetryDelay * Math.Pow(2, options.HttpRetries + 1));
        if (options.HttpRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.HttpRetries,
                Delay = options.HttpRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 6,
            SamplingDuration = TimeSpan.FromMinutes(2),
            BreakDuration = options.CircuitBreakDuration,
        });
        pipeline.AddTimeout(source.Timeout);
    }
}
