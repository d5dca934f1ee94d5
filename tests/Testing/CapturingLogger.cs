using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Testing;

/// <summary>Keeps every formatted log message (with its exception), so tests can check what would reach the logs.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

    /// <summary>Everything logged, messages and exceptions, as one text to search.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => e.Text));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string text = formatter(state, exception);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            // Structured sinks see the properties too, not only the rendered text.
            text += " " + string.Join(' ', properties.Select(p => $"{p.Key}={p.Value}"));
        }

        _entries.Enqueue((logLevel, exception is null ? text : $"{text}\n{exception}"));
    }
}
