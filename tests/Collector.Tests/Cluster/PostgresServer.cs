using System.Diagnostics;
using KpiMonitor.Testing;
using Npgsql;

namespace KpiMonitor.Collector.Tests.Cluster;

/// <summary>
/// A private PostgreSQL cluster (Debian's <c>postgresql</c>) in a temp folder on a free loopback port, made with
/// <c>initdb</c> and run with <c>pg_ctl</c> as the <c>postgres</c> user when the tests run as root (initdb refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string directory, int port, bool asPostgresUser)
    {
        _bin = bin;
        Directory = directory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public string Directory { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(Directory, "db");

    /// <summary>Connection string of a database on this server (trust authentication: no password).</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=kpi;Database={database};Timeout=5";

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        string bin = FindBin() ?? throw new InvalidOperationException(
            "Không tìm thấy initdb trong /usr/lib/postgresql/*/bin. Hãy chạy script kiểm thử (nó cài gói Debian 'postgresql'). " +
            "PostgreSQL is not installed: run the test script, which installs the Debian package 'postgresql'.");
        string directory = System.IO.Directory.CreateTempSubdirectory("kpimonitor-postgres-").FullName;
        bool root = Environment.UserName == "root";
        var server = new PostgresServer(bin, directory, LoopbackPort.Free(), root);
        try
        {
            if (root)
            {
                await RunAsync("chown", ["postgres:postgres", directory], cancellationToken);
            }

            await server.RunPgAsync("initdb", ["-D", server.DataDirectory, "-A", "trust", "-U", "kpi", "-E", "UTF8", "--no-sync"], cancellationToken);
            await server.RunPgAsync("pg_ctl", ["-D", server.DataDirectory, "-o", $"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off",
                "-l", Path.Combine(directory, "log"), "-w", "start"], cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Makes an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunPgAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already gone: the folder goes anyway.
            }
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private Task RunPgAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        string path = Path.Combine(_bin, program);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken)
            : RunAsync(path, arguments, cancellationToken);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} ended with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string? FindBin() =>
        System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int version) ? version : 0)
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault()
            : null;
}
