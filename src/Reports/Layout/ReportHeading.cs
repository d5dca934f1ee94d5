namespace KpiMonitor.Reports.Layout;

/// <summary>
/// The heading block of Decree 30/2020/NĐ-CP: the issuing body (left) under its parent body, the national motto (right),
/// the number and the place and date left blank for the clerk, then the document type and its subject.
/// </summary>
public sealed record ReportHeading(string ParentBody, string IssuingBody, string Number, string PlaceAndDate, string Title, string Subject)
{
    /// <summary>The national motto, first line.</summary>
    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /// <summary>The national motto, second line (underlined).</summary>
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
}
