using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace KpiMonitor.Reports.Pdf;

// Skia writes the trailer's file identifier from the clock; the same report must give the same bytes, so the two
// 32-digit identifiers become the MD5 of everything before the trailer (same length: no offset moves). MD5 here names
// a file, as the PDF specification suggests; it protects nothing.
internal static class PdfStableId
{
    private static readonly SearchValues<byte> Hex = SearchValues.Create("0123456789ABCDEFabcdef"u8);

    public static byte[] Apply(byte[] pdf)
    {
        var marker = Encoding.ASCII.GetBytes("/ID [<");
        int at = LastIndexOf(pdf, marker);
        if (at < 0)
        {
            return pdf;
        }

#pragma warning disable CA5351 // A content fingerprint for the file identifier, not a security use.
        var hash = Convert.ToHexString(MD5.HashData(pdf.AsSpan(0, at)));
#pragma warning restore CA5351
        var id = Encoding.ASCII.GetBytes(hash);
        int first = at + marker.Length;
        if (!IsHex(pdf, first, 32) || pdf[first + 32] != '>')
        {
            return pdf;
        }

        id.CopyTo(pdf, first);
        int second = Array.IndexOf(pdf, (byte)'<', first + 33);
        if (second > 0 && IsHex(pdf, second + 1, 32))
        {
            id.CopyTo(pdf, second + 1);
        }

        return pdf;
    }

    private static bool IsHex(byte[] bytes, int from, int count) =>
        from + count <= bytes.Length && bytes.AsSpan(from, count).IndexOfAnyExcept(Hex) < 0;

    private static int LastIndexOf(byte[] bytes, byte[] marker) => bytes.AsSpan().LastIndexOf(marker);
}
