using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Targets;

/// <summary>All configured targets, with the rule for which one applies to a unit in a year.</summary>
public sealed class TargetBook(IEnumerable<Target> targets)
{
    private readonly ILookup<string, Target> _byKpi = targets.ToLookup(t => t.Kpi, StringComparer.Ordinal);

    /// <summary>Every target.</summary>
    public IEnumerable<Target> All => _byKpi.SelectMany(g => g);

    /// <summary>
    /// The target for a KPI, unit and year: a unit-specific one first, then one for the unit's level,
    /// then one for everyone; null when none applies.
    /// </summary>
    public Target? For(string kpi, OrgUnit unit, int year)
    {
        Target? forLevel = null, forAll = null;
        foreach (var target in _byKpi[kpi])
        {
            if (!target.AppliesTo(year))
            {
                continue;
            }

            if (target.Unit is not null)
            {
                if (target.Unit == unit.Code)
                {
                    return target;
                }
            }
            else if (target.Level is not null)
            {
                if (target.Level == unit.Level)
                {
                    forLevel = target;
                }
            }
            else
            {
                forAll = target;
            }
        }

        return forLevel ?? forAll;
    }
}
