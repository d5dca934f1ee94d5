using System.Collections.Concurrent;

namespace KpiMonitor.Shared.Units;

/// <summary>
/// The organisational hierarchy over time. Units and parent links carry dates, so the tree of any
/// day can be rebuilt: history recorded under the pre-2025 tree (with districts) stays readable.
/// </summary>
public sealed class OrgTree
{
    private readonly Dictionary<string, OrgUnit> _byCode;
    private readonly DateOnly[] _changeDates;
    private readonly ConcurrentDictionary<int, OrgSnapshot> _snapshots = new();

    /// <summary>Creates a tree; the loader has already checked codes, parents and cycles.</summary>
    public OrgTree(IEnumerable<OrgLevel> levels, IEnumerable<OrgUnit> units)
    {
        Levels = levels.ToList();
        Units = units.ToList();
        _byCode = Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _changeDates = Units
            .SelectMany(u => u.Parents.Select(p => p.From)
                .Concat(u.ValidFrom is { } f ? [f] : [])
                .Concat(u.ValidTo is { } t ? [t.AddDays(1)] : []))
            .Where(d => d != DateOnly.MinValue)
            .Distinct()
            .Order()
            .ToArray();
    }

    /// <summary>Configured levels in file order (top first).</summary>
    public IReadOnlyList<OrgLevel> Levels { get; }

    /// <summary>Every unit ever configured, current or not.</summary>
    public IReadOnlyList<OrgUnit> Units { get; }

    /// <summary>Dates on which the tree changes shape, ascending.</summary>
    public IReadOnlyList<DateOnly> ChangeDates => _changeDates;

    /// <summary>The unit with this code (current or historical), or null.</summary>
    public OrgUnit? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Whether a unit with this code was ever configured.</summary>
    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>Position of a level in the configured order (top first); unknown levels sort last.</summary>
    public int LevelOrder(string levelCode)
    {
        for (int i = 0; i < Levels.Count; i++)
        {
            if (Levels[i].Code == levelCode)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The level with this code, or null.</summary>
    public OrgLevel? FindLevel(string code) => Levels.FirstOrDefault(l => l.Code == code);

    /// <summary>The code of the unit at the top of the tree on a day (the province), or null for an empty tree: the default unit of every page.</summary>
    public string? TopOn(DateOnly date) => AsOf(date).Roots is [var top, ..] ? top.Code : null;

    /// <summary>The tree as it stood on a local date. Snapshots are cached per period between changes.</summary>
    public OrgSnapshot AsOf(DateOnly date)
    {
        int epoch = Array.BinarySearch(_changeDates, date);
        epoch = epoch >= 0 ? epoch + 1 : ~epoch;
        return _snapshots.GetOrAdd(epoch, _ => new OrgSnapshot(this, date));
    }
}
