using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace KpiMonitor.Logging;

/// <summary>
/// Makes every text value that reaches a log safe to write, whatever sink writes it (console, file, JSON): line
/// breaks and other control characters (C0, C1, U+2028/2029, bidi overrides) are written as <c>\n</c>, <c>\u202E</c>…,
/// so a user name or a source's unit code cannot start a fake log line or reorder what an operator reads, and a value
/// longer than <see cref="MaxLength"/> characters is cut with the count of what was left out. Runs on the properties,
/// before any sink renders them; exceptions are logged as they are.
/// </summary>
public sealed class SafeLogValues : ILogEventEnricher
{
    /// <summary>Characters of one value kept in a log line.</summary>
    public const int MaxLength = 500;

    /// <summary>Replaces every unsafe value of <paramref name="logEvent"/> with its safe form.</summary>
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var safe = Clean(value);
            if (!ReferenceEquals(safe, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, safe));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The value itself when it is already safe; otherwise a safe copy.</summary>
    private static LogEventPropertyValue Clean(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                string safe = Text(text);
                return ReferenceEquals(safe, text) ? value : new ScalarValue(safe);
            case ScalarValue { Value: char c }:
                return NeedsEscape(c) ? new ScalarValue(Text(c.ToString())) : value;
            case ScalarValue { Value: Uri or System.Net.IPAddress or Microsoft.Extensions.Primitives.StringValues } scalar:
                return Clean(new ScalarValue(scalar.Value.ToString()));
            case SequenceValue sequence:
                var items = sequence.Elements.Select(Clean).ToList();
                return items.Where((item, i) => !ReferenceEquals(item, sequence.Elements[i])).Any() ? new SequenceValue(items) : value;
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Clean(p.Value))).ToList();
                return properties.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any()
                    ? new StructureValue(properties, structure.TypeTag)
                    : value;
            case DictionaryValue dictionary:
                var pairs = dictionary.Elements.Select(p => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Clean(p.Key), Clean(p.Value))).ToList();
                return pairs.Zip(dictionary.Elements).Any(p => !ReferenceEquals(p.First.Key, p.Second.Key) || !ReferenceEquals(p.First.Value, p.Second.Value))
                    ? new DictionaryValue(pairs)
                    : value;
            default:
                return value;
        }
    }

    /// <summary><paramref name="text"/> with control characters escaped and cut to <see cref="MaxLength"/>; the same instance when nothing changes.</summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxLength && !text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 32);
        int kept = Math.Min(text.Length, MaxLength);
        foreach (char c in text.AsSpan(0, kept))
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when NeedsEscape(c) => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        if (kept < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"…({text.Length - kept} ký tự)");
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) // C0, DEL, C1
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is >= '\u202A' and <= '\u202E' // bidi embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // bidi isolates
        || c is '\u200E' or '\u200F' or '\u061C' // direction marks
        || c == '\u0085';
}
