using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KpiMonitor.Alerts.Notifications;
using MimeKit;
using MimeKit.Text;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>A digest as a UTF-8 mail: Vietnamese subject, plain text and HTML alternatives, the digest id as Message-ID.</summary>
public static class DigestMail
{
    /// <summary>The Message-ID a digest's mail carries, so a duplicate delivery is recognisable.</summary>
    public static string MessageId(Digest digest) => $"{digest.Id}@kpimonitor.alerts";

    /// <summary>Builds the mail of <paramref name="digest"/> from <paramref name="from"/>, with codes and bare numbers.</summary>
    public static MimeMessage Build(Digest digest, string from, Uri? dashboardUrl, DateTimeOffset now) =>
        Build(digest, from, dashboardUrl, now, DigestLabels.Codes);

    /// <summary>Builds the mail of <paramref name="digest"/> from <paramref name="from"/>, names and figures from <paramref name="labels"/>.</summary>
    public static MimeMessage Build(Digest digest, string from, Uri? dashboardUrl, DateTimeOffset now, DigestLabels labels)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var message = new MimeMessage
        {
            Subject = DigestText.Subject(digest),
            MessageId = MessageId(digest),
            Date = now,
        };
        message.From.Add(new MailboxAddress("KpiMonitor", from));
        message.To.Add(new MailboxAddress(digest.Recipient.Name, digest.Recipient.Address));
        var alternative = new MultipartAlternative
        {
            Text(TextFormat.Plain, DigestText.Plain(digest, dashboardUrl, labels)),
            Text(TextFormat.Html, Html(digest, dashboardUrl, labels)),
        };
        message.Body = alternative;
        return message;
    }

    private static TextPart Text(TextFormat format, string text)
    {
        var part = new TextPart(format);
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    // Vietnamese letters stay letters (a mail client's search and a reader of the source both see them), markup is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static string Html(Digest digest, Uri? dashboardUrl, DigestLabels labels)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(E(DigestText.Subject(digest)))
            .Append("</title></head><body style=\"font-family:sans-serif\"><h2>").Append(E(DigestText.Subject(digest))).Append("</h2>")
            .Append("<table cellpadding=\"6\" style=\"border-collapse:collapse\" border=\"1\"><thead><tr>")
            .Append("<th>Mức độ</th><th>Loại</th><th>Đối tượng</th><th>Nội dung</th><th>Số liệu</th><th>Thời gian</th><th>Liên kết</th>")
            .Append("</tr></thead><tbody>");
        foreach (var item in digest.Items)
        {
            string link = item.Key.PageLink(dashboardUrl);
            string color = item.Snapshot.Severity == AlertSeverity.Critical ? "#b00020" : "#b26a00";
            html.Append("<tr><td style=\"color:").Append(color).Append("\">").Append(E(DigestText.Severity(item.Snapshot.Severity))).Append("</td>")
                .Append("<td>").Append(E(DigestText.Kind(item.Kind))).Append("</td>")
                .Append("<td>").Append(E(labels.Scope(item.Key))).Append("</td>")
                .Append("<td>").Append(E(item.Snapshot.Summary)).Append("</td>")
                .Append("<td>").Append(E(labels.Figures(item))).Append("</td>")
                .Append("<td>").Append(E(DigestText.Times(item))).Append("</td>")
                .Append("<td><a href=\"").Append(E(link)).Append("\">Xem chỉ tiêu</a></td></tr>");
        }

        return html.Append("</tbody></table><p>Thư gửi tự động từ KpiMonitor; xác nhận và tạm tắt cảnh báo trên trang Cảnh báo.</p></body></html>").ToString();
    }
}
