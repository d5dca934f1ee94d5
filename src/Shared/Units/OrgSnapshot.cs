namespace KpiMonitor.Shared.Units;

/// <summary>The hierarchy on one day: who exists and who sits under whom.</summary>
public sealed class OrgSnapshot
{
    private readonly OrgTree _tree;
    private readonly Dictionary<string, string?> _parent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrgUnit>> _children = new(StringComparer.Ordinal);

    internal OrgSnapshot(OrgTree tree, DateOnly date)
    {
        _tree = tree;
        Date = date;
        var roots = new List<OrgUnit>();
        foreach (var unit in tree.Units.Where(u => u.ExistsOn(date)))
        {
            string? parent = unit.ParentOn(date);
            _parent[unit.Code] = parent;
            if (parent is null)
            {
                roots.Add(unit);
            }
            else
            {
                if (!_children.TryGetValue(parent, out var list))
                {
                    _children[parent] = list = [];
                }

                list.Add(unit);
            }
        }

        Roots = roots;
    }

    /// <summary>The day this snapshot describes (the first day of its period).</summary>
    public DateOnly Date { get; }

    /// <summary>Units without a parent on that day.</summary>
    public IReadOnlyList<OrgUnit> Roots { get; }

    /// <summary>Whether the unit exists on that day.</summary>
    public bool Exists(string code) => _parent.ContainsKey(code);

    /// <summary>The parent on that day, or null for a root or a unit that does not exist.</summary>
    public OrgUnit? ParentOf(string code) =>
        _parent.GetValueOrDefault(code) is { } p ? _tree.Find(p) : null;

    /// <summary>Direct children on that day.</summary>
    public IReadOnlyList<OrgUnit> ChildrenOf(string code) =>
        _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>
    /// The unit and everything below it on that day (empty when the unit does not exist then), depth first in the
    /// order of units.json: a unit, then its first child and that child's subtree, then its second child.
    /// </summary>
    public IReadOnlyList<string> SubtreeOf(string code)
    {
        if (!Exists(code))
        {
            return [];
        }

        var result = new List<string>();
        var stack = new Stack<string>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            string current = stack.Pop();
            result.Add(current);
            // Pushed last to first, so the first child is the next popped.
            var children = ChildrenOf(current);
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i].Code);
            }
        }

        return result;
    }

    /// <summary>Parents from the direct one up to the root.</summary>
    public IReadOnlyList<OrgUnit> AncestorsOf(string code)
    {
        var result = new List<OrgUnit>();
        var current = ParentOf(code);
        while (current is not null && result.Count < 64)
        {
            result.Add(current);
            current = ParentOf(current.Code);
        }

        return result;
    }
}
