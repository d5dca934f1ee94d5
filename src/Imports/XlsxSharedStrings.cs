using System.Xml;

namespace KpiMonitor.Imports;

/// <summary>The shared-string table, read forward-only; no more strings than <see cref="ImportLimits.MaxCells"/> and none longer than a cell may be.</summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(Stream? part, ImportLimits limits, ImportRowBuilder clock)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = XlsxXml.Open(part, limits);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
            {
                continue;
            }

            if (strings.Count >= limits.MaxCells)
            {
                throw new ImportRefusedException(limits.TooManyCells());
            }

            strings.Add(XlsxXml.ItemText(reader, limits, row: 0));
            if ((strings.Count & 1023) == 0 && clock.CheckTime() is { } slow)
            {
                throw new ImportRefusedException(slow);
            }
        }

        return strings;
    }
}
