using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// The reader's choice of rows and order for the KPI page's child table, from the query string:
/// <c>sort=rank|unit|value|target|status|movement</c>, <c>dir=asc|desc</c> (without it, the column's natural way:
/// largest first for value, target and movement, otherwise ascending) and <c>level=</c> a level code of units.json.
/// The page and its CSV and Excel downloads read the same parameters, so a file holds what the reader sees.
/// </summary>
public sealed record ChildTableQuery(ChildSort Sort, bool Descending, string? Level)
{
    public static readonly ChildTableQuery Default = new(ChildSort.Rank, false, null);

    private static readonly Dictionary<string, ChildSort> Names = new(StringComparer.Ordinal)
    {
        ["rank"] = ChildSort.Rank,
        ["unit"] = ChildSort.Unit,
        ["value"] = ChildSort.Value,
        ["target"] = ChildSort.Target,
        ["status"] = ChildSort.Status,
        ["movement"] = ChildSort.Movement,
    };

    /// <summary>False for a value the page never offers (an unknown column, direction or level), which the page answers like a bad <c>months</c>.</summary>
    public static bool TryParse(string? sort, string? dir, string? level, OrgTree units, [NotNullWhen(true)] out ChildTableQuery? query)
    {
        query = null;
        var column = ChildSort.Rank;
        if ((sort is not null && !Names.TryGetValue(sort, out column))
            || dir is not (null or "asc" or "desc")
            || (level is not null && units.FindLevel(level) is null))
        {
            return false;
        }

        query = new ChildTableQuery(column, dir is null ? NaturallyDescending(column) : dir == "desc", level);
        return true;
    }

    public static bool NaturallyDescending(ChildSort column) => column is ChildSort.Value or ChildSort.Target or ChildSort.Movement;

    public static string Name(ChildSort column) => Names.First(n => n.Value == column).Key;

    /// <summary>The query after a click on a column's header: the other way round if it is the current column, else its natural way.</summary>
    public ChildTableQuery SortedBy(ChildSort column) =>
        this with { Sort = column, Descending = column == Sort ? !Descending : NaturallyDescending(column) };

    /// <summary>The parameters that differ from the default, for links; the default table needs none.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Parameters()
    {
        if (Level is not null)
        {
            yield return new("level", Level);
        }

        if (Sort != ChildSort.Rank || Descending)
        {
            yield return new("sort", Name(Sort));
            yield return new("dir", Descending ? "desc" : "asc");
        }
    }

    /// <summary>
    /// The rows of the chosen level in the chosen order. Rows without the sorted figure come last either way; ties
    /// keep the default order: ranked units first, by level as configured and rank, then the others by level and name.
    /// Ranks only compare units of one level, so sorting by rank keeps the levels apart.
    /// </summary>
    public IReadOnlyList<KpiRow> Apply(IReadOnlyList<KpiRow> rows, OrgTree units, CultureInfo culture)
    {
        var names = StringComparer.Create(culture, ignoreCase: false);
        return rows
            .Where(r => Level is null || r.Unit.Level == Level)
            .Order(Comparer<KpiRow>.Create((a, b) => Primary(a, b, units, names, culture) is var c and not 0 ? c : Fallback(a, b, units, names, culture)))
            .ToList();
    }

    private int Primary(KpiRow a, KpiRow b, OrgTree units, StringComparer names, CultureInfo culture)
    {
        switch (Sort)
        {
            case ChildSort.Rank:
                // Ranked units first, each level's ranks together (levels as configured), then the units without a figure.
                int ranked = (a.Rank is null).CompareTo(b.Rank is null);
                int level = units.LevelOrder(a.Unit.Level).CompareTo(units.LevelOrder(b.Unit.Level));
                return ranked != 0 ? ranked : level != 0 ? level : Directional(a.Rank, b.Rank);
            case ChildSort.Unit:
                int name = names.Compare(a.Unit.Name(culture), b.Unit.Name(culture));
                return Descending ? -name : name;
            case ChildSort.Value:
                return Directional(a.Value.Value, b.Value.Value);
            case ChildSort.Target:
                return Directional(a.Target?.Value, b.Target?.Value);
            case ChildSort.Status:
                // Met, at risk, missed are judged against a target and follow the direction; no target, then no data, always last.
                int group = StatusGroup(a.Status).CompareTo(StatusGroup(b.Status));
                return group != 0 || StatusGroup(a.Status) != 0 ? group : Directional((int)a.Status, (int)b.Status);
            case ChildSort.Movement:
                return Directional(a.Movement, b.Movement);
            default:
                return 0;
        }
    }

    private static int Fallback(KpiRow a, KpiRow b, OrgTree units, StringComparer names, CultureInfo culture)
    {
        int ranked = (a.Rank is null).CompareTo(b.Rank is null);
        if (ranked != 0)
        {
            return ranked;
        }

        int level = units.LevelOrder(a.Unit.Level).CompareTo(units.LevelOrder(b.Unit.Level));
        if (level != 0)
        {
            return level;
        }

        int rank = (a.Rank ?? int.MaxValue).CompareTo(b.Rank ?? int.MaxValue);
        return rank != 0 ? rank : names.Compare(a.Unit.Name(culture), b.Unit.Name(culture));
    }

    private int Directional(double? a, double? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => Descending ? y.CompareTo(x) : x.CompareTo(y),
    };

    private static int StatusGroup(KpiStatus status) => status switch
    {
        KpiStatus.NoTarget => 1,
        KpiStatus.NoData => 2,
        _ => 0,
    };
}
