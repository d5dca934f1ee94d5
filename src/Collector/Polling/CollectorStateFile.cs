using System.Text.Json;
using KpiMonitor.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// Per-source run state in <c>state.json</c> of the state folder: when each source last ran and succeeded,
/// so missed schedules can be caught up after a restart and health survives one. Written atomically.
/// </summary>
public sealed class CollectorStateFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string _path;
    private readonly ILogger<CollectorStateFile> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SourceRunState> _states;

    public CollectorStateFile(IOptions<CollectorOptions> options, ILogger<CollectorStateFile> logger)
    {
        _path = Path.GetFullPath(Path.Combine(options.Value.StateDirectory, "state.json"));
        _logger = logger;
        _states = Load();
    }

    public SourceRunState Get(string source)
    {
        lock (_lock)
        {
            return _states.GetValueOrDefault(source) ?? new SourceRunState();
        }
    }

    public SourceRunState Update(string source, Func<SourceRunState, SourceRunState> change)
    {
        lock (_lock)
        {
            var next = change(_states.GetValueOrDefault(source) ?? new SourceRunState());
            _states[source] = next;
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            string temp = _path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(_states, Json));
            File.Move(temp, _path, overwrite: true);
            return next;
        }
    }

    private Dictionary<string, SourceRunState> Load()
    {
        if (!File.Exists(_path))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            return new(JsonSerializer.Deserialize<Dictionary<string, SourceRunState>>(File.ReadAllText(_path)) ?? [], StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            // Losing run times only costs one catch-up poll per source; refusing to start would cost collection.
            _logger.LogWarning(ex, "Tệp trạng thái {Path} hỏng; bắt đầu lại từ trạng thái trống", _path);
            return new(StringComparer.Ordinal);
        }
    }
}
