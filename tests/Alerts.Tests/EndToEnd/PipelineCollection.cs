namespace KpiMonitor.Alerts.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "alerting pipeline: simulator and influxd";
}
