using System.Globalization;
using System.Text;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>The Vietnamese words of a digest, shared by mail and webhooks so every channel says the same thing.</summary>
public static class DigestText
{
    private static CultureInfo Vi => Cultures.Vietnamese;

    /// <summary>"Nghiêm trọng" or "Cảnh báo".</summary>
    public static string Severity(AlertSeverity severity) => severity == AlertSeverity.Critical ? "Nghiêm trọng" : "Cảnh báo";

    /// <summary>Why the item is told: new, reminder, resolved or escalated.</summary>
    public static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.Firing => "Mới",
        NotificationKind.Repeat => "Nhắc lại",
        NotificationKind.Resolved => "Đã hết",
        _ => "Chuyển cấp trên",
    };

    /// <summary>
    /// "[KpiMonitor] 125 cảnh báo (cao nhất: Nghiêm trọng), 3 cảnh báo đã hết – Xã Bản Giang: …": how many alerts are
    /// open and the worst of their severities, how many ended, and the first (most severe) item's summary.
    /// </summary>
    public static string Subject(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var open = digest.Items.Where(i => i.Kind != NotificationKind.Resolved).ToList();
        int resolved = digest.Items.Count - open.Count;
        var parts = new List<string>();
        if (open.Count > 0)
        {
            parts.Add(string.Create(Vi, $"{open.Count:N0} cảnh báo (cao nhất: {Severity(open.Max(i => i.Snapshot.Severity))})"));
        }

        if (resolved > 0)
        {
            parts.Add(string.Create(Vi, $"{resolved:N0} cảnh báo đã hết"));
        }

        string first = digest.Items.Count > 0 ? digest.Items[0].Snapshot.Summary : "";
        if (first.Length > 120)
        {
            first = first[..119] + "…";
        }

        return $"[KpiMonitor] {string.Join(", ", parts)} – {first}";
    }

    /// <summary>"Giá trị 45,2 / mục tiêu 80" without the KPI's formatting; <see cref="DigestLabels.Figures"/> formats it.</summary>
    public static string Figures(AlertSnapshot snapshot)
    {
        var parts = new List<string>();
        if (snapshot.Value is not null)
        {
            parts.Add("giá trị " + snapshot.Value.Value.ToString("#,##0.##", Vi));
        }

        if (snapshot.Target is not null)
        {
            parts.Add("mục tiêu " + snapshot.Target.Value.ToString("#,##0.##", Vi));
        }

        return parts.Count == 0 ? "" : string.Join(" / ", parts);
    }

    /// <summary>"Bắt đầu 02/03/2026 18:00, kết thúc 03/03/2026 08:00" in Vietnam time.</summary>
    public static string Times(DigestItem item) => item.ResolvedAt is { } resolved
        ? $"bắt đầu {TextFormat.Time(item.FiredAt)}, kết thúc {TextFormat.Time(resolved)}"
        : $"bắt đầu {TextFormat.Time(item.FiredAt)}";

    /// <summary>"Đơn vị LCU.X.BGI · chỉ tiêu online_dossier_rate", or "Nguồn eoffice"; <see cref="DigestLabels.Scope"/> gives names.</summary>
    public static string Scope(AlertKey key) => key.Source is not null
        ? $"nguồn {key.Source}"
        : key.Kpi is null ? $"đơn vị {key.Unit}" : $"đơn vị {key.Unit} · chỉ tiêu {key.Kpi}";

    /// <summary>One item as a plain-text line (mail's text part, chat messages), with codes and bare numbers.</summary>
    public static string Line(DigestItem item, Uri? dashboardUrl) => Line(item, dashboardUrl, DigestLabels.Codes);

    /// <summary>One item as a plain-text line (mail's text part, chat messages), with names and figures from <paramref name="labels"/>.</summary>
    public static string Line(DigestItem item, Uri? dashboardUrl, DigestLabels labels)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(labels);
        var line = new StringBuilder()
            .Append('[').Append(Severity(item.Snapshot.Severity)).Append(" · ").Append(Kind(item.Kind)).Append("] ")
            .Append(item.Snapshot.Summary).Append(" (").Append(labels.Scope(item.Key));
        string figures = labels.Figures(item);
        if (figures.Length > 0)
        {
            line.Append("; ").Append(figures);
        }

        return line.Append("; ").Append(Times(item)).Append(") ").Append(item.Key.PageLink(dashboardUrl)).ToString();
    }

    /// <summary>The whole digest as plain text with codes, cut after <paramref name="maxLength"/> characters.</summary>
    public static string Plain(Digest digest, Uri? dashboardUrl, int maxLength = int.MaxValue) =>
        Plain(digest, dashboardUrl, DigestLabels.Codes, maxLength);

    /// <summary>The whole digest as plain text, cut after <paramref name="maxLength"/> characters with a count of what was left out.</summary>
    public static string Plain(Digest digest, Uri? dashboardUrl, DigestLabels labels, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var text = new StringBuilder(Subject(digest)).Append('\n');
        for (int i = 0; i < digest.Items.Count; i++)
        {
            string line = "\n• " + Line(digest.Items[i], dashboardUrl, labels);
            if (text.Length + line.Length > maxLength - 40)
            {
                text.Append(string.Create(Vi, $"\n… và {digest.Items.Count - i:N0} cảnh báo khác trên trang cảnh báo."));
                break;
            }

            text.Append(line);
        }

        return text.ToString();
    }
}
