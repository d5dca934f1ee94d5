namespace KpiMonitor.Shared.Kpis;

/// <summary>One indicator of the catalogue, as configured in <c>config/kpis.json</c>.</summary>
public sealed record KpiDefinition
{
    /// <summary>Stable code, for example <c>online_dossier_rate</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Vietnamese name shown by default.</summary>
    public required string NameVi { get; init; }

    /// <summary>English name.</summary>
    public required string NameEn { get; init; }

    /// <summary>Vietnamese description.</summary>
    public string DescriptionVi { get; init; } = "";

    /// <summary>English description.</summary>
    public string DescriptionEn { get; init; } = "";

    /// <summary>What kind of number this is.</summary>
    public required KpiKind Kind { get; init; }

    /// <summary>Display unit, for example "%", "hồ sơ", "điểm".</summary>
    public required string DisplayUnit { get; init; }

    /// <summary>Which way is better.</summary>
    public required Direction Direction { get; init; }

    /// <summary>How values of children combine into a parent's.</summary>
    public required RollupMethod Rollup { get; init; }

    /// <summary>The period one observation describes.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>How figures of consecutive periods combine into a longer one; <see cref="TimeRollup.Last"/> unless configured.</summary>
    public TimeRollup TimeRollup { get; init; } = TimeRollup.Last;

    /// <summary>Source system code (e-office, one-stop, …), informative.</summary>
    public required string SourceSystem { get; init; }

    /// <summary>
    /// The definition in use, shown to users. Provinces define some KPIs themselves, so this is
    /// configuration rather than code.
    /// </summary>
    public required string DefinitionVi { get; init; }

    /// <summary>English definition text.</summary>
    public string DefinitionEn { get; init; } = "";

    /// <summary>Label of the numerator of a ratio KPI, in Vietnamese.</summary>
    public string? NumeratorVi { get; init; }

    /// <summary>Label of the denominator of a ratio KPI, in Vietnamese.</summary>
    public string? DenominatorVi { get; init; }

    /// <summary>Whether the value is a percentage (ratio or percent kinds).</summary>
    public bool IsPercentage => Kind is KpiKind.Ratio or KpiKind.Percent;
}
