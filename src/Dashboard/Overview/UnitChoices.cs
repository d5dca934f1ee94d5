using System.Collections.Concurrent;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Text;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// The units offered in the overview's unit chooser: the whole tree, by level and then by Vietnamese name. A tree of
/// more than <see cref="MaxListed"/> units (a national deployment) lists the top (the roots and their children), the
/// chosen unit with the units above it, and its children, instead of thousands of departments and communes; those are
/// reached by drilling down (35 choices at the nation's overview, not 885, which kept every page above 80 KB).
/// Sorted lists are kept per tree epoch.
/// </summary>
public sealed class UnitChoices(Catalog catalog)
{
    /// <summary>Longest list offered in full.</summary>
    public const int MaxListed = 500;

    private readonly ConcurrentDictionary<OrgSnapshot, IReadOnlyList<OrgUnit>> _sorted = new();

    /// <summary>The choices on a day, with <paramref name="selected"/> always among them.</summary>
    public IReadOnlyList<OrgUnit> For(DateOnly day, OrgUnit selected)
    {
        var tree = catalog.Units.AsOf(day);
        var all = _sorted.GetOrAdd(tree, Sort);
        if (all.Count > MaxListed)
        {
            var listed = tree.ChildrenOf(selected.Code).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            listed.UnionWith(tree.AncestorsOf(selected.Code).Select(u => u.Code));
            foreach (var root in tree.Roots)
            {
                listed.Add(root.Code);
                listed.UnionWith(tree.ChildrenOf(root.Code).Select(u => u.Code));
            }

            all = all.Where(u => u == selected || listed.Contains(u.Code)).ToList();
        }

        // A unit of another period (a district after the 2025 reform) stays selectable while it is shown.
        return all.Contains(selected) ? all : [selected, .. all];
    }

    private IReadOnlyList<OrgUnit> Sort(OrgSnapshot tree) =>
        tree.Roots.SelectMany(r => tree.SubtreeOf(r.Code)).Select(catalog.Units.Find).OfType<OrgUnit>()
            .OrderBy(u => catalog.Units.LevelOrder(u.Level)).ThenBy(u => u.NameVi, StringComparer.Create(Cultures.Vietnamese, false)).ToList();
}
