using System.Globalization;
using System.Xml;

namespace KpiMonitor.Imports;

/// <summary>
/// Which cell styles of a workbook show numbers as percentages. Excel stores "43,24 %" as 0.4324; without this,
/// a satisfaction rate typed as a percentage would be imported a hundred times too small and still pass validation.
/// </summary>
internal static class XlsxPercentStyles
{
    /// <summary>Indexes of cell formats (<c>cellXfs</c>) whose number format shows a percentage (built-in 9 and 10, or a custom one with %).</summary>
    public static HashSet<uint> Read(Stream? styles, ImportLimits limits)
    {
        var result = new HashSet<uint>();
        if (styles is null)
        {
            return result;
        }

        var percentFormats = new HashSet<uint> { 9, 10 };
        using var reader = XlsxXml.Open(styles, limits);
        bool inCellFormats = false;
        uint index = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt" when Id(reader) is { } id && ShowsPercent(reader.GetAttribute("formatCode")):
                    percentFormats.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    if (Id(reader) is { } format && percentFormats.Contains(format))
                    {
                        result.Add(index);
                    }

                    index++;
                    break;
            }
        }

        return result;
    }

    private static uint? Id(XmlReader reader) =>
        uint.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out uint id) ? id : null;

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
