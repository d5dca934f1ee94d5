namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>One unit's path for a rate: where it starts in 2023, where it ends in 2027, and how early it moves.</summary>
internal readonly record struct Curve(double Start, double End, double Speed, double Lag)
{
    /// <summary>Draws a unit's curve with start and end inside the given bands.</summary>
    public static Curve Draw(ref Dice dice, double startLow, double startHigh, double endLow, double endHigh) =>
        new(dice.Between(startLow, startHigh), dice.Between(endLow, endHigh), dice.Between(0.8, 1.4), dice.Between(-0.15, 0.1));
}
