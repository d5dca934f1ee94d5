namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>Every class that needs influxd joins this collection, so one server serves them all.</summary>
[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxFixture>
{
    public const string Name = "influxd";
}
