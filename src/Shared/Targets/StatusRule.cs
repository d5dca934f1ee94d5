using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Shared.Targets;

/// <summary>Turns a value and its target into a status, honouring the direction.</summary>
public static class StatusRule
{
    /// <summary>
    /// Higher-is-better: met at or above the target, at risk within the warning band below it, missed
    /// further below. Lower-is-better mirrors that. A neutral KPI has no status beyond "no target".
    /// </summary>
    public static KpiStatus Evaluate(double? value, Target? target, Direction kpiDirection)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return KpiStatus.NoData;
        }

        if (target is null)
        {
            return KpiStatus.NoTarget;
        }

        var direction = target.Direction ?? kpiDirection;
        double band = Math.Abs(target.WarningBand);
        return direction switch
        {
            Direction.HigherIsBetter => v >= target.Value ? KpiStatus.Met : v >= target.Value - band ? KpiStatus.AtRisk : KpiStatus.Missed,
            Direction.LowerIsBetter => v <= target.Value ? KpiStatus.Met : v <= target.Value + band ? KpiStatus.AtRisk : KpiStatus.Missed,
            _ => KpiStatus.NoTarget,
        };
    }
}
