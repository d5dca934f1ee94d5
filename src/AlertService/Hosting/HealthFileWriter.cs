using System.Globalization;
using System.Text;
using KpiMonitor.Alerts.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KpiMonitor.AlertService.Hosting;

/// <summary>
/// Writes <see cref="AlertingHealthCheck"/>'s verdict to <see cref="AlertServiceOptions.HealthFile"/> every
/// <see cref="AlertingOptions.ChangePollInterval"/>, atomically (a reader never sees half a file). The alerting service
/// evaluates at least every <see cref="AlertingOptions.EvaluationInterval"/>; the check turns unhealthy when it stops,
/// and a file that stops changing says the process hangs.
/// </summary>
public sealed partial class HealthFileWriter(
    AlertingHealthCheck check,
    IOptions<AlertServiceOptions> options,
    IOptions<AlertingOptions> alerting,
    TimeProvider time,
    ILogger<HealthFileWriter> logger) : BackgroundService
{
    private readonly HealthCheckRegistration _registration = new("alerting", check, HealthStatus.Unhealthy, tags: null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string path = Path.GetFullPath(options.Value.HealthFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var timer = new PeriodicTimer(alerting.Value.ChangePollInterval, time);
        do
        {
            await WriteAsync(path, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = _registration }, cancellationToken);
        var text = new StringBuilder()
            .AppendLine(result.Status == HealthStatus.Healthy ? "healthy" : "unhealthy")
            .AppendLine(result.Description)
            .AppendLine(CultureInfo.InvariantCulture, $"written: {time.GetUtcNow():O}");
        foreach (var (key, value) in result.Data)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{key}: {value}");
        }

        try
        {
            string temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, text.ToString(), new UTF8Encoding(false), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException e)
        {
            // The alerts still go out; only the container's health check is blind until the disk answers again.
            LogWriteFailed(path, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không ghi được tệp tình trạng {Path}: {Error}")]
    private partial void LogWriteFailed(string path, string error);
}
