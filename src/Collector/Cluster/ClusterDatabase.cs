using KpiMonitor.Shared.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KpiMonitor.Collector.Cluster;

/// <summary>
/// The cluster's PostgreSQL database. Resolved at start (<see cref="StartupResolution"/>): a database that cannot be
/// reached or refuses the login stops the process with exit code 2 and a message naming the setting and the host, before
/// Quartz meets it with a stack trace. The password is never in a message.
/// </summary>
public sealed class ClusterDatabase : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public ClusterDatabase(IOptions<ClusterOptions> options, ILogger<ClusterDatabase> logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Where = $"{builder.Host}:{builder.Port}, cơ sở dữ liệu {builder.Database ?? builder.Username}";
        _dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            // Synchronous on purpose: this runs inside the start-up validation, which has no asynchronous form.
            using var connection = _dataSource.OpenConnection();
            using var command = new NpgsqlCommand("SELECT 1", connection);
            command.ExecuteScalar();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            _dataSource.Dispose();
            throw new StartupException(
                $"Không kết nối được PostgreSQL của lịch thu thập chung (Collector:Cluster:ConnectionString, máy chủ {Where}): {ex.Message}", ex);
        }

        logger.LogInformation("Lịch thu thập chung trên PostgreSQL {Where}", Where);
    }

    /// <summary>Host, port and database, for messages.</summary>
    public string Where { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    public void Dispose() => _dataSource.Dispose();
}
