using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace KpiMonitor.Reports.Docx;

// An inline picture, in the markup Word itself writes for one; the ids are the chart's number, never random.
internal static class DocxImage
{
    private const long EmuPerTwip = 635;

    public static Paragraph Inline(string relationshipId, uint number, int widthTwips, int pixelWidth, int pixelHeight)
    {
        long cx = widthTwips * EmuPerTwip;
        long cy = cx * pixelHeight / pixelWidth;
        var name = $"Biểu đồ {number}";
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = number, Name = name },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = number, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
        };
        return new Paragraph(
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "0" }, new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }
}
