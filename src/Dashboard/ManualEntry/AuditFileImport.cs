using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// Moves the audit trail of an older dashboard, the JSON-lines file <c>Manual:AuditFile</c>, into the store once at
/// start: every entry the store does not hold yet is appended, then the file is renamed (<c>….da-chuyen-vao-kho</c>) so
/// it is not read again and nothing a user recorded is lost. While the store does not answer it tries again.
/// </summary>
/// <remarks>
/// Entries keep their identity in the store (stream <c>file-</c> and a hash of the file, sequence = line number), and
/// an entry equal to one already stored is skipped: two replicas importing the same file at once, or an import cut
/// short and run again, store each entry once.
/// </remarks>
public sealed partial class AuditFileImport(IEventLog events, AuditLog audit, IOptions<ManualEntryOptions> options, TimeProvider time,
    ILogger<AuditFileImport> logger) : BackgroundService
{
    /// <summary>Added to the file's name once its entries are in the store.</summary>
    public const string ImportedSuffix = ".da-chuyen-vao-kho";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ImportAsync(stoppingToken);
                return;
            }
            catch (TimeSeriesStoreException e)
            {
                LogStoreDown(e.Message, RetryDelay.TotalSeconds);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A one-off migration must not stop the dashboard: the file stays, and the next start tries again
                // (entries already in the store are not added twice).
                LogFileUnreadable(options.Value.AuditFile ?? "", e.Message);
                return;
            }

            await Task.Delay(RetryDelay, time, stoppingToken);
        }
    }

    /// <summary>Imports the file if there is one; the number of entries appended.</summary>
    public async Task<int> ImportAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AuditFile) || !File.Exists(options.Value.AuditFile))
        {
            return 0;
        }

        string path = Path.GetFullPath(options.Value.AuditFile);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return 0; // another replica sharing the folder renamed it a moment ago
        }

        string stream = "file-" + Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        var stored = (await events.ReadAsync(AuditLog.Log, null, cancellationToken)).Select(AuditLog.FromEvent).OfType<AuditEntry>().ToHashSet();
        var now = time.GetUtcNow();
        var missing = new List<StoredEvent>();
        var unreadable = new List<int>();
        string[] lines = Encoding.UTF8.GetString(content).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            AuditEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<AuditEntry>(line, AuditLog.Json);
            }
            catch (JsonException)
            {
                entry = null;
            }

            if (entry is null)
            {
                unreadable.Add(i + 1);
            }
            else if (stored.Add(entry))
            {
                missing.Add(AuditLog.ToEvent(entry, stream, i + 1, now));
            }
        }

        await events.AppendAsync(missing, cancellationToken);
        audit.Refresh();
        string renamed = path + ImportedSuffix;
        if (File.Exists(renamed))
        {
            renamed += "-" + now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            File.Move(path, renamed);
        }
        catch (FileNotFoundException)
        {
            // Renamed by another replica that imported the same file.
        }

        LogImported(missing.Count, path, renamed);
        if (unreadable.Count > 0)
        {
            LogUnreadable(unreadable.Count, renamed, string.Join(", ", unreadable.Take(20)));
        }

        return missing.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã chuyển {Count} mục nhật ký nhập tay từ {File} vào kho dữ liệu; tệp đổi tên thành {Renamed}")]
    private partial void LogImported(int count, string file, string renamed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} dòng của nhật ký nhập tay {File} không đọc được nên không chuyển vào kho (dòng {Lines}); tệp vẫn giữ lại")]
    private partial void LogUnreadable(int count, string file, string lines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không chuyển được nhật ký nhập tay cũ {Path} vào kho dữ liệu ({Reason}); tệp được giữ nguyên, lần khởi động sau sẽ thử lại")]
    private partial void LogFileUnreadable(string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chưa chuyển được nhật ký nhập tay vào kho dữ liệu ({Reason}); thử lại sau {Seconds} giây")]
    private partial void LogStoreDown(string reason, double seconds);
}
