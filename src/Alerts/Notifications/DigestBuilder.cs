using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Alerts.Notifications;

/// <summary>Routes the notifications of one evaluation and groups them per recipient: 5,000 breaching units give one message per recipient.</summary>
public static class DigestBuilder
{
    /// <summary>One digest per recipient, items most severe first.</summary>
    public static IReadOnlyList<Digest> Build(IEnumerable<AlertNotified> notifications, RecipientDirectory recipients)
    {
        var byRecipient = new Dictionary<string, (Contact Contact, List<DigestItem> Items)>(StringComparer.Ordinal);
        foreach (var n in notifications)
        {
            foreach (var contact in recipients.For(n.Key, n.Kind, VietnamTime.DateOf(n.At)))
            {
                if (!byRecipient.TryGetValue(contact.Id, out var entry))
                {
                    byRecipient[contact.Id] = entry = (contact, []);
                }

                entry.Items.Add(new DigestItem($"{n.Key.Id}/{n.Sequence}/{contact.Id}", n.Key, n.Kind, n.Snapshot, n.FiredAt, n.ResolvedAt));
            }
        }

        return byRecipient.Values
            .Select(e => new Digest(e.Contact, e.Items.OrderByDescending(i => i.Snapshot.Severity).ThenBy(i => i.Key.Id, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
