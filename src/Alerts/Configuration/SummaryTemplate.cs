using System.Text;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>
/// A summary with <c>{placeholder}</c>s, parsed once at start (<c>{{</c> and <c>}}</c> are literal braces).
/// </summary>
public sealed class SummaryTemplate
{
    private readonly IReadOnlyList<(string Text, bool IsPlaceholder)> _parts;

    private SummaryTemplate(string text, IReadOnlyList<(string, bool)> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as configured.</summary>
    public string Text { get; }

    /// <summary>The placeholders used, in order of appearance.</summary>
    public IEnumerable<string> Placeholders => _parts.Where(p => p.IsPlaceholder).Select(p => p.Text);

    /// <summary>Parses <paramref name="text"/>; on a syntax error returns null and says what is wrong.</summary>
    public static SummaryTemplate? TryParse(string text, out string? error)
    {
        var parts = new List<(string, bool)>();
        var literal = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                error = $"dấu '}}' ở vị trí {i + 1} không có dấu '{{' mở";
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            int end = text.IndexOf('}', i + 1);
            string name = end < 0 ? "" : text[(i + 1)..end];
            if (end < 0 || name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch)))
            {
                error = end < 0 ? $"dấu '{{' ở vị trí {i + 1} không được đóng" : $"tên chỗ thay thế '{{{name}}}' không hợp lệ";
                return null;
            }

            parts.Add((literal.ToString(), false));
            literal.Clear();
            parts.Add((name, true));
            i = end;
        }

        parts.Add((literal.ToString(), false));
        error = null;
        return new SummaryTemplate(text, parts);
    }

    /// <summary>Fills the placeholders; one without a value is left as "—".</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder();
        foreach (var (part, isPlaceholder) in _parts)
        {
            text.Append(!isPlaceholder ? part : values.TryGetValue(part, out var value) ? value : "—");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
