using System.Text;
using System.Text.Json;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Collector.Spool;

/// <summary>
/// Observations the store refused for good (validation, 400, 422), one JSON line each with the reason, in a
/// file per local day under <c>dead-letter/</c>. People read and fix these; nothing here is retried.
/// </summary>
public sealed class DeadLetterFile(IOptions<CollectorOptions> options, TimeProvider time) : IDisposable
{
    private readonly string _directory = Path.GetFullPath(Path.Combine(options.Value.StateDirectory, "dead-letter"));
    // People read these files: keep Vietnamese readable instead of \u-escaped.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = SpoolJson.Default,
    };

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Directory => _directory;

    public void Dispose() => _gate.Dispose();

    public async Task WriteAsync(IEnumerable<(Observation Observation, string Reason)> refused, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var text = new StringBuilder();
        foreach (var (observation, reason) in refused)
        {
            text.Append(JsonSerializer.Serialize(new DeadLetterRecord(now, reason, SpoolRecord.From(observation, now.ToUnixTimeMilliseconds())), Json));
            text.Append('\n');
        }

        if (text.Length == 0)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(_directory);
        string file = Path.Combine(_directory, $"{KpiMonitor.Shared.Periods.VietnamTime.ToLocal(now):yyyyMMdd}.jsonl");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Flushed to disk before the drainer deletes the segment these points came from.
            await using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }
}
