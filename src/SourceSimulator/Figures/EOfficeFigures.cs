using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>
/// E-office figures of one unit-month. Scale follows Lai Châu's 2020 report (1.95 million e-documents by
/// May 2020, about 8.5 received per one sent); rates follow the targets: e-documents 90 → 99.6 %,
/// signatures 45 → 95 %, work files online by level as QĐ 749 sets (90/80/60 %).
/// </summary>
internal static class EOfficeFigures
{
    private const ulong TraitSalt = 0xE0FF1CE, MonthSalt = 0xE0FF1CE2;

    public static EOfficeItem For(SimUnit unit, MonthView view)
    {
        var traits = new Dice(Dice.Combine(unit.Hash, TraitSalt));
        var (received, work) = unit.Kind switch
        {
            UnitKind.Department => (traits.LogBetween(300, 1500), traits.LogBetween(40, 300)),
            UnitKind.District => (traits.Between(800, 2500), traits.Between(80, 400)),
            _ => (traits.LogBetween(80, 400), traits.LogBetween(10, 80)),
        };
        double sentShare = traits.Between(0.12, 0.3);
        var electronicIn = Curve.Draw(ref traits, 0.90, 0.95, 0.975, 0.998);
        var electronicOut = Curve.Draw(ref traits, 0.88, 0.94, 0.97, 0.996);
        var signed = Curve.Draw(ref traits, 0.35, 0.55, 0.90, 0.99);
        var online = unit.Kind switch
        {
            UnitKind.Department => Curve.Draw(ref traits, 0.50, 0.70, 0.88, 0.97),
            UnitKind.District => Curve.Draw(ref traits, 0.45, 0.65, 0.80, 0.92),
            _ => Curve.Draw(ref traits, 0.30, 0.50, 0.60, 0.85),
        };

        var period = view.Period;
        var month = new Dice(Dice.Combine(unit.Hash, MonthSalt, (ulong)period.Index));
        double scale = Trend.Season(period.Month) * Trend.Growth(period) * view.Elapsed
            * (unit.Kind == UnitKind.Commune && Trend.AfterReform(period) ? 1.5 : 1.0);
        int documentsReceived = Count(received * scale * month.Between(0.85, 1.15));
        int documentsSent = Count(received * sentShare * scale * month.Between(0.85, 1.15));
        int workFiles = Count(work * scale * month.Between(0.85, 1.15));
        int sentElectronic = Share(documentsSent, Trend.Rate(period, electronicOut, month.Noise(0.01)));
        return new EOfficeItem(
            unit.Code,
            unit.Name,
            documentsReceived,
            Share(documentsReceived, Trend.Rate(period, electronicIn, month.Noise(0.01))),
            documentsSent,
            sentElectronic,
            Share(sentElectronic, Trend.Rate(period, signed, month.Noise(0.015))),
            workFiles,
            Share(workFiles, Trend.Rate(period, online, month.Noise(0.02))));
    }

    private static int Count(double value) => (int)Math.Round(Math.Max(0, value));

    /// <summary>A numerator from its denominator and a rate in [0, 1]: never above the denominator.</summary>
    internal static int Share(int denominator, double rate) => Math.Min(denominator, (int)Math.Round(denominator * rate));
}
