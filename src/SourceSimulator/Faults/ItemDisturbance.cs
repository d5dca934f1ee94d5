namespace KpiMonitor.SourceSimulator.Faults;

/// <summary>What happens to an item's target field (usually the denominator).</summary>
public enum ItemDisturbance
{
    None,

    /// <summary>The field is left out.</summary>
    Missing,

    /// <summary><c>{ "value": n }</c> instead of n.</summary>
    WrappedInObject,

    /// <summary><c>[ n ]</c> instead of n.</summary>
    WrappedInArray,

    /// <summary><c>true</c> instead of n.</summary>
    Flag,
}
