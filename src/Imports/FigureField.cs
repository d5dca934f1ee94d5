namespace KpiMonitor.Imports;

/// <summary>The columns an import file may have.</summary>
internal enum FigureField
{
    Kpi,
    Unit,
    Period,
    Value,
    Numerator,
    Denominator,
    Note,
}
