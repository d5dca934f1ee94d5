using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Storage;

/// <summary>Registers the time-series store: InfluxDB when <c>Storage:Influx:Url</c> or <c>Storage:Influx:Urls</c> is set, the embedded SQLite file otherwise.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client the InfluxDB store uses.</summary>
    public const string HttpClientName = "influxdb";

    /// <summary>Whether the configuration names an InfluxDB server (<c>Url</c>, or any entry of <c>Urls</c>).</summary>
    public static bool UsesInflux(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{InfluxOptions.Section}:Url"])
        || configuration.GetSection($"{InfluxOptions.Section}:Urls").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));

    /// <summary>
    /// Registers <see cref="ITimeSeriesStore"/>, <see cref="ISourceHealthStore"/> and <see cref="IEventLog"/> (one instance for all),
    /// with options validated at start. Needs the catalogue registered first.
    /// </summary>
    public static IServiceCollection AddTimeSeriesStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (UsesInflux(configuration))
        {
            services.AddOptionsWithValidateOnStart<InfluxOptions>()
                .Bind(configuration.GetSection(InfluxOptions.Section))
                .ValidateDataAnnotations();
            services.AddSingleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>();
            // The store is a singleton holding one HttpClient, so the handler is never rotated by the factory;
            // PooledConnectionLifetime lets connections follow DNS changes instead.
            services.AddHttpClient(HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<InfluxTimeSeriesStore>(sp,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
            services.AddSingleton<ITimeSeriesStore>(sp => sp.GetRequiredService<InfluxTimeSeriesStore>());
            services.AddSingleton<ISourceHealthStore>(sp => (ISourceHealthStore)(object)sp.GetRequiredService<InfluxTimeSeriesStore>());
            services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<InfluxTimeSeriesStore>());
        }
        else
        {
            services.AddOptionsWithValidateOnStart<SqliteOptions>()
                .Bind(configuration.GetSection(SqliteOptions.Section))
                .ValidateDataAnnotations();
            services.AddSingleton<SqliteTimeSeriesStore>();
            services.AddSingleton<ITimeSeriesStore>(sp => sp.GetRequiredService<SqliteTimeSeriesStore>());
            services.AddSingleton<ISourceHealthStore>(sp => sp.GetRequiredService<SqliteTimeSeriesStore>());
            services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<SqliteTimeSeriesStore>());
        }

        return services;
    }
}
