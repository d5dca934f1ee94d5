using KpiMonitor.Collector.Auth;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Shared.Sources;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace KpiMonitor.Collector.Sources.Http;

/// <summary>
/// One named <see cref="HttpClient"/> per HTTP source, each with its own timeout, retries and circuit
/// breaker, so one slow or failing source never delays another. Retries sit outside authentication, so a
/// retried request picks up a refreshed token.
/// </summary>
public static class SourceHttpSetup
{
    public static string ClientName(string sourceCode) => "source:" + sourceCode;

    public static void AddSourceClients(IServiceCollection services, IEnumerable<SourceDefinition> sources, CollectorOptions options)
    {
        services.AddHttpClient(OAuth2TokenProvider.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        foreach (var source in sources.Where(s => s.BaseUrl is not null))
        {
            // Handlers run in the order added: resilience outside, authentication inside it.
            var client = services.AddHttpClient(ClientName(source.Code), c => c.Timeout = Timeout.InfiniteTimeSpan);
            client.AddResilienceHandler("nguon-" + source.Code, pipeline => Build(pipeline, source, options));
            client.AddHttpMessageHandler(sp => new SourceAuthHandler(source, sp.GetRequiredService<SecretReader>(), sp.GetRequiredService<OAuth2TokenProvider>()));
        }
    }

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
