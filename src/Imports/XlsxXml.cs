using System.Xml;

namespace KpiMonitor.Imports;

/// <summary>Forward-only readers over the parts of a workbook: no DTD, no DOM, names compared without their namespace.</summary>
internal static class XlsxXml
{
    public static XmlReader Open(Stream part, ImportLimits limits) => XmlReader.Create(part, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        MaxCharactersInDocument = limits.MaxDecompressedBytes,
        CloseInput = true,
    });

    /// <summary>
    /// The text of the string item the reader is on (<c>si</c> or <c>is</c>): its <c>t</c> elements, rich-text runs
    /// included, without phonetic guides (<c>rPh</c>); or the text of a <c>v</c> element when the reader is on one.
    /// Leaves the reader on the element's end. A row of 0 is the shared-string table.
    /// </summary>
    public static string ItemText(XmlReader reader, ImportLimits limits, int row, string textElement = "t")
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        int depth = reader.Depth;
        bool inText = reader.LocalName == textElement;
        var text = new System.Text.StringBuilder();
        bool phonetic = false;
        while (reader.Read() && reader.Depth > depth)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "rPh":
                    phonetic = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "rPh":
                    phonetic = false;
                    break;
                case XmlNodeType.Element when reader.LocalName == textElement:
                    inText = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == textElement:
                    inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText && !phonetic:
                    text.Append(reader.Value);
                    if (text.Length > limits.MaxCellChars)
                    {
                        throw new ImportRefusedException(limits.CellTooLong(row));
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
