using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Shared.Tests.Storage;

public sealed class EventLogRegistrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-events-di-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddTimeSeriesStore_RegistersTheEventLog_AsTheSameStoreInstance(bool influx)
    {
        var settings = influx
            ? new Dictionary<string, string?> { ["Storage:Influx:Url"] = "http://127.0.0.1:9", ["Storage:Influx:Database"] = "events" }
            : new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(_folder, "store.db") };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<Catalog>(TestCatalog.Create());

        using var provider = services.AddTimeSeriesStore(configuration).BuildServiceProvider();

        var log = provider.GetRequiredService<IEventLog>();
        Assert.Same(provider.GetRequiredService<ITimeSeriesStore>(), log);
        Assert.Same(provider.GetRequiredService<ISourceHealthStore>(), log);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
