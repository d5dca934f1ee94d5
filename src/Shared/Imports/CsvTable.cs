using System.Text;

namespace KpiMonitor.Shared.Imports;

/// <summary>
/// Reads CSV as Excel writes it: UTF-8 with or without BOM, comma or semicolon separated (Excel with Vietnamese
/// regional settings uses ';' because ',' is the decimal separator), RFC 4180 quoting with "" for a quote and
/// separators or line breaks inside quotes. Row numbers count records, as Excel shows them when it opens the file.
/// </summary>
internal static class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportTable Read(ReadOnlySpan<byte> bytes, int maxRows)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ImportTable.Fail("tệp CSV được lưu bằng UTF-16 (\"Unicode Text\"); hãy lưu lại dưới dạng \"CSV UTF-8\"");
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
                "tệp CSV không phải UTF-8 (có thể đã lưu bằng bảng mã cũ như TCVN3 hay Windows-1258); hãy lưu lại dưới dạng \"CSV UTF-8\"");
        }

        return Parse(text, DetectSeparator(text), maxRows);
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

    private static ImportTable Parse(string text, char separator, int maxRows)
    {
        var rows = new List<ImportRow>();
        var cells = new List<ImportCell>();
        var field = new StringBuilder();
        int record = 1, quoteStartRecord = 0;
        bool quoted = false;

        void EndField()
        {
            cells.Add(ImportCell.FromText(field.ToString()));
            field.Clear();
        }

        bool EndRecord()
        {
            if (!ImportRow.AllEmpty(cells))
            {
                rows.Add(new ImportRow(record, cells.ToArray()));
            }

            cells.Clear();
            record++;
            return rows.Count <= maxRows;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
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
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                EndField();
                if (!EndRecord())
                {
                    return ImportTable.Fail(ImportTable.TooManyRows(maxRows - 1));
                }
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return ImportTable.Fail($"dòng {quoteStartRecord}: dấu ngoặc kép (\") mở nhưng không đóng đến hết tệp");
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            EndField();
            if (!EndRecord())
            {
                return ImportTable.Fail(ImportTable.TooManyRows(maxRows - 1));
            }
        }

        return ImportTable.Of(rows);
    }
}
