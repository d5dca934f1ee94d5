using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Alerts.Notifications;

/// <summary>
/// Who is told about an instance: the contacts of the unit and/or its parent (per the unit's level route), the parent's
/// for an escalation, the operators for a source, and the operators whenever nobody else would be.
/// </summary>
public sealed class RecipientDirectory(AlertConfig config, OrgTree units)
{
    /// <summary>The contacts for a notification of <paramref name="kind"/> about <paramref name="key"/> on a local date.</summary>
    public IReadOnlyList<Contact> For(AlertKey key, NotificationKind kind, DateOnly date)
    {
        var unit = key.Unit is null ? null : units.Find(key.Unit);
        if (unit is null)
        {
            return config.Operators;
        }

        var parent = units.AsOf(date).ParentOf(unit.Code);
        var contacts = new List<Contact>();
        if (kind == NotificationKind.Escalation)
        {
            contacts.AddRange(ContactsOf(parent));
        }
        else
        {
            var route = config.Routes.FirstOrDefault(r => r.Level == unit.Level);
            if (route is null || route.NotifyUnit)
            {
                contacts.AddRange(ContactsOf(unit));
            }

            if (route is { NotifyParent: true })
            {
                contacts.AddRange(ContactsOf(parent));
            }
        }

        return contacts.Count > 0 ? contacts.DistinctBy(c => c.Id).ToList() : config.Operators;
    }

    private IEnumerable<Contact> ContactsOf(OrgUnit? unit) => unit is null
        ? []
        : config.Recipients.Where(e => e.Unit == unit.Code || e.Level == unit.Level).SelectMany(e => e.Contacts);
}
