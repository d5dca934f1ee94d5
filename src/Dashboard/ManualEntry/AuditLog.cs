using System.Text.Encodings.Web;
using System.Text.Json;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// The audit trail of manual figures: an append-only JSON-lines file (<c>Manual:AuditFile</c>), flushed to disk on
/// every entry, kept apart from the time-series store so a rewrite of a figure never erases who changed it.
/// </summary>
public sealed class AuditLog(IConfiguration configuration) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _path = Path.GetFullPath(configuration["Manual:AuditFile"] ?? "data/audit/nhap-tay.jsonl");
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AppendAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        string text = string.Concat(entries.Select(e => JsonSerializer.Serialize(e, Json) + "\n"));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(_path, cancellationToken);
        return lines.Reverse().Take(count).Select(l => JsonSerializer.Deserialize<AuditEntry>(l, Json)!).ToList();
    }

    public void Dispose() => _gate.Dispose();
}
