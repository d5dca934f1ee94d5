using System.Text;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// Reads CSV as Excel writes it: UTF-8 with or without BOM, comma or semicolon separated (Excel with Vietnamese
/// regional settings uses ';' because ',' is the decimal separator), RFC 4180 quoting with "" for a quote and
/// separators or line breaks inside quotes. Row numbers count records, as Excel shows them when it opens the file.
/// </summary>
internal static class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportTable Read(ReadOnlySpan<byte> bytes, ImportLimits limits, ImportRowBuilder rows)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ImportTable.Fail(SharedText.Get("csv.utf16"));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ImportTable.Fail(
                SharedText.Get("csv.notUtf8"));
        }

        return Parse(text, DetectSeparator(text), rows, limits);
    }

    /// <summary>The header line decides: whichever of ',' and ';' it holds more of, outside quotes; ',' on a tie.</summary>
    internal static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                if (commas + semicolons > 0)
                {
                    break;
                }
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// One pass, keeping only non-empty cells: a line of commas costs a count, not a cell each. Every limit is checked
    /// as the characters come, so a refused file costs no more than the limit it passed.
    /// </summary>
    private static ImportTable Parse(string text, char separator, ImportRowBuilder rows, ImportLimits limits)
    {
        var field = new StringBuilder();
        int record = 1, quoteStartRecord = 0, column = 0, recordStart = 0;
        bool quoted = false;

        string? EndField()
        {
            // A field past the cell limit has been refused already, so its text stays small.
            string? problem = rows.Cell(record, column++, ImportCell.FromText(field.ToString()));
            field.Clear();
            return problem;
        }

        string? EndRecord()
        {
            string? problem = rows.EndRow(record);
            column = 0;
            record++;
            return problem;
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (i - recordStart >= limits.MaxLineChars)
            {
                return ImportTable.Fail(limits.LineTooLong(record));
            }

            if (field.Length > limits.MaxCellChars)
            {
                return ImportTable.Fail(limits.CellTooLong(record));
            }

            char c = text[i];
            string? problem = null;
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                quoteStartRecord = record;
            }
            else if (c == separator)
            {
                problem = EndField();
            }
            else if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                problem = EndField() ?? EndRecord();
                recordStart = i + 1;
            }
            else
            {
                field.Append(c);
            }

            if (problem is not null)
            {
                return ImportTable.Fail(problem);
            }
        }

        if (quoted)
        {
            return ImportTable.Fail(SharedText.Format("csv.openQuote", quoteStartRecord));
        }

        if ((field.Length > 0 || column > 0) && (EndField() ?? EndRecord()) is { } last)
        {
            return ImportTable.Fail(last);
        }

        return ImportTable.Of(rows.Rows);
    }
}
