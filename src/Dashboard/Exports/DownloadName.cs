using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace KpiMonitor.Dashboard.Exports;

/// <summary>
/// The Content-Disposition of a download: the Vietnamese name as UTF-8 <c>filename*</c> (RFC 6266) for browsers,
/// and the same name without diacritics as plain <c>filename</c> for clients that read only that.
/// </summary>
public static class DownloadName
{
    public static string ContentDisposition(string name)
    {
        string clean = new(name.Select(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '-' : c).ToArray());
        return new ContentDispositionHeaderValue("attachment") { FileName = Ascii(clean), FileNameStar = clean }.ToString();
    }

    /// <summary>"Tỷ lệ hồ sơ — Tỉnh Lai Châu.csv" → "Ty-le-ho-so-Tinh-Lai-Chau.csv".</summary>
    public static string Ascii(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            bool safe = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_';
            if (safe)
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        string result = text.ToString().Replace("-.", ".", StringComparison.Ordinal).Trim('-');
        return result.Length == 0 ? "download" : result;
    }
}
