using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Shared.Targets;

/// <summary>
/// A target for one KPI over a span of years, for everyone, for one level or for one unit.
/// The most specific target wins: unit, then level, then everyone.
/// </summary>
public sealed record Target
{
    /// <summary>KPI code.</summary>
    public required string Kpi { get; init; }

    /// <summary>First year the target applies.</summary>
    public required int FromYear { get; init; }

    /// <summary>Last year the target applies (inclusive).</summary>
    public required int ToYear { get; init; }

    /// <summary>Level code, when the target is for one level (QĐ 749: 90/80/60 % by level).</summary>
    public string? Level { get; init; }

    /// <summary>Unit code, when the target is for one unit.</summary>
    public string? Unit { get; init; }

    /// <summary>The value to reach (percent for ratio KPIs).</summary>
    public required double Value { get; init; }

    /// <summary>How far short still counts as "at risk" rather than "missed", in the KPI's unit.</summary>
    public double WarningBand { get; init; }

    /// <summary>Overrides the KPI's direction when set.</summary>
    public Direction? Direction { get; init; }

    /// <summary>The document the target comes from, shown to users (for example "QĐ 749/QĐ-TTg").</summary>
    public string? Document { get; init; }

    /// <summary>Whether the target covers that year.</summary>
    public bool AppliesTo(int year) => year >= FromYear && year <= ToYear;
}
