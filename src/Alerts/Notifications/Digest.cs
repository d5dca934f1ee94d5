using System.Security.Cryptography;
using System.Text;
using KpiMonitor.Alerts.Configuration;

namespace KpiMonitor.Alerts.Notifications;

/// <summary>Everything one evaluation has to tell one recipient, sent as one message.</summary>
public sealed record Digest(Contact Recipient, IReadOnlyList<DigestItem> Items)
{
    /// <summary>
    /// Deterministic id of the message (from its items' ids), so a resend after a restart carries the same id
    /// (the mail's <c>Message-ID</c>) and a duplicate is recognisable.
    /// </summary>
    public string Id { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Items.Select(i => i.Id).Order(StringComparer.Ordinal)))))[..32];
}
