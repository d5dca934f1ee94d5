using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

public sealed class InfluxRegistrationTests
{
    [Fact]
    public void UrlsAlone_SelectTheInfluxStore_WithEveryNodeInOrder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Influx:Urls:0"] = "http://127.0.0.1:9",
            ["Storage:Influx:Urls:1"] = "http://127.0.0.2:9/",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<Catalog>(TestCatalog.Create());

        using var provider = services.AddTimeSeriesStore(configuration).BuildServiceProvider();

        var store = Assert.IsType<InfluxTimeSeriesStore>(provider.GetRequiredService<ITimeSeriesStore>());
        Assert.Equal([new Uri("http://127.0.0.1:9/"), new Uri("http://127.0.0.2:9/")], store.Urls);
        Assert.True(StorageServiceCollectionExtensions.UsesInflux(configuration));
    }
}
