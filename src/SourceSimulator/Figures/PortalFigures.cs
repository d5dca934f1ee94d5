using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>766 index of one unit-month: each group moves with the unit's overall quality, from about 50–70 points in 2023 to 78–95 in 2027.</summary>
internal static class PortalFigures
{
    private const ulong TraitSalt = 0x766, MonthSalt = 0x7662;

    /// <summary>Group maxima in JSON order: CKMB, TDGQ, TTTT, CLGQ, MDHL, MDSH (they add up to 100).</summary>
    private static readonly decimal[] Maxima = [18m, 20m, 12m, 10m, 18m, 22m];

    public static PortalItem For(SimUnit unit, MonthView view)
    {
        var traits = new Dice(Dice.Combine(unit.Hash, TraitSalt));
        var quality = Curve.Draw(ref traits, 0.50, 0.70, 0.78, 0.95);
        Span<double> bias = stackalloc double[Maxima.Length];
        for (int g = 0; g < bias.Length; g++)
        {
            bias[g] = traits.Noise(0.06);
        }

        var period = view.Period;
        var month = new Dice(Dice.Combine(unit.Hash, MonthSalt, (ulong)period.Index));
        double level = Trend.Rate(period, quality, month.Noise(0.02));
        Span<decimal> groups = stackalloc decimal[Maxima.Length];
        for (int g = 0; g < groups.Length; g++)
        {
            double share = Math.Clamp(level + bias[g] + month.Noise(0.03), 0.05, 1.0);
            groups[g] = Math.Round(Maxima[g] * (decimal)share, 2, MidpointRounding.AwayFromZero);
        }

        decimal total = groups[0] + groups[1] + groups[2] + groups[3] + groups[4] + groups[5];
        return new PortalItem(unit.Code, unit.Name, groups[0], groups[1], groups[2], groups[3], groups[4], groups[5], total);
    }
}
