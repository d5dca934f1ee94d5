using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KpiMonitor.Shared.Imports;

/// <summary>
/// Which cell styles of a workbook show numbers as percentages. Excel stores "43,24 %" as 0.4324; without this,
/// a satisfaction rate typed as a percentage would be imported a hundred times too small and still pass validation.
/// </summary>
internal static class XlsxPercentStyles
{
    /// <summary>Indexes of cell formats whose number format shows a percentage (built-in 9 and 10, or a custom one with %).</summary>
    public static HashSet<uint> Read(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return result;
        }

        var percentFormats = new HashSet<uint> { 9, 10 };
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && ShowsPercent(format.FormatCode?.Value))
            {
                percentFormats.Add(id);
            }
        }

        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            if (format.NumberFormatId?.Value is { } id && percentFormats.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    /// <summary>A '%' outside quoted literals and not escaped with '\' makes Excel multiply by 100.</summary>
    private static bool ShowsPercent(string? code)
    {
        bool quoted = false;
        for (int i = 0; code is not null && i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\':
                    i++;
                    break;
                case '%' when !quoted:
                    return true;
            }
        }

        return false;
    }
}
