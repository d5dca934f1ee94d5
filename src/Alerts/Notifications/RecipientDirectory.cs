using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Alerts.Notifications;

/// <summary>
/// Who is told about an instance: the contacts of the unit and/or its parent (per the unit's level route), the parent's
/// for an escalation, the operators for a source, and the operators whenever nobody else would be. Contacts are indexed
/// by unit and by level once, so routing 5,000 notifications is lookups, not scans of the configuration.
/// </summary>
public sealed class RecipientDirectory
{
    private readonly AlertConfig _config;
    private readonly OrgTree _units;
    private readonly Dictionary<string, List<Contact>> _byUnit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Contact>> _byLevel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LevelRoute> _routes = new(StringComparer.Ordinal);

    /// <summary>The directory of <paramref name="config"/>'s recipients and routes over the unit tree.</summary>
    public RecipientDirectory(AlertConfig config, OrgTree units)
    {
        ArgumentNullException.ThrowIfNull(config);
        (_config, _units) = (config, units);
        foreach (var entry in config.Recipients)
        {
            // Each in file order; a unit gets its own entries first, then its level's (duplicates are dropped per notification).
            if (entry.Unit is { } unit)
            {
                Add(_byUnit, unit, entry.Contacts);
            }

            if (entry.Level is { } level)
            {
                Add(_byLevel, level, entry.Contacts);
            }
        }

        foreach (var route in config.Routes)
        {
            _routes.TryAdd(route.Level, route);
        }
    }

    /// <summary>The contacts for a notification of <paramref name="kind"/> about <paramref name="key"/> on a local date.</summary>
    public IReadOnlyList<Contact> For(AlertKey key, NotificationKind kind, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(key);
        var unit = key.Unit is null ? null : _units.Find(key.Unit);
        if (unit is null)
        {
            return _config.Operators;
        }

        var parent = _units.AsOf(date).ParentOf(unit.Code);
        var contacts = new List<Contact>();
        if (kind == NotificationKind.Escalation)
        {
            AddContactsOf(parent, contacts);
        }
        else
        {
            var route = _routes.GetValueOrDefault(unit.Level);
            if (route is null || route.NotifyUnit)
            {
                AddContactsOf(unit, contacts);
            }

            if (route is { NotifyParent: true })
            {
                AddContactsOf(parent, contacts);
            }
        }

        return contacts.Count > 0 ? contacts.DistinctBy(c => c.Id).ToList() : _config.Operators;
    }

    private static void Add(Dictionary<string, List<Contact>> index, string code, IReadOnlyList<Contact> contacts)
    {
        if (!index.TryGetValue(code, out var list))
        {
            index[code] = list = [];
        }

        list.AddRange(contacts);
    }

    private void AddContactsOf(OrgUnit? unit, List<Contact> contacts)
    {
        if (unit is null)
        {
            return;
        }

        if (_byUnit.TryGetValue(unit.Code, out var own))
        {
            contacts.AddRange(own);
        }

        if (_byLevel.TryGetValue(unit.Level, out var level))
        {
            contacts.AddRange(level);
        }
    }
}
