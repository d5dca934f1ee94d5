using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>The event log contract against a real influxd; every store gets its own new database.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxEventLogContractTests(InfluxFixture fixture) : EventLogContract
{
    private readonly Dictionary<IEventLog, string> _databases = [];

    protected override Task<IEventLog> CreateLogAsync(CancellationToken cancellationToken, TimeProvider? time = null) =>
        Task.FromResult<IEventLog>(Open(InfluxFixture.NewDatabase(), time));

    protected override IEventLog Reopen(IEventLog log) => Open(_databases[log]);

    private InfluxTimeSeriesStore Open(string database, TimeProvider? time = null)
    {
        var store = fixture.CreateStore(TestCatalog.Create(), database, time: time);
        _databases[store] = database;
        return store;
    }
}
