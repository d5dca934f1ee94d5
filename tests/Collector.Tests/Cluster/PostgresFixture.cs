namespace KpiMonitor.Collector.Tests.Cluster;

/// <summary>One private PostgreSQL for the cluster tests; each test makes its own database on it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
