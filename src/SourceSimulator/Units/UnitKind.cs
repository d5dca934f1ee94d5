namespace KpiMonitor.SourceSimulator.Units;

/// <summary>How big and how busy a unit is; decides the scale of its figures, not what it is called.</summary>
public enum UnitKind
{
    /// <summary>The root of the tree: reports the 766 index only.</summary>
    Province,

    /// <summary>A provincial department (sở, ban, ngành).</summary>
    Department,

    /// <summary>A district's own office (before the 2025 reform).</summary>
    District,

    /// <summary>A commune, ward or special zone.</summary>
    Commune,
}
