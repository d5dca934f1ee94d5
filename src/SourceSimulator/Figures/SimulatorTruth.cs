using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>
/// The figures the simulator serves, read directly: undisturbed by faults, all units in one list, in the
/// order the endpoints page through them. A month that has not begun has none; the current month is
/// seen as at the provider's now, exactly as the endpoints see it.
/// </summary>
public sealed class SimulatorTruth(UnitRoster units, TimeProvider time)
{
    public IReadOnlyList<EOfficeItem> EOffice(MonthPeriod period) =>
        View(period) is { } view ? units.Reporting(period).Select(u => EOfficeFigures.For(u, view)).ToArray() : [];

    /// <summary>The one-stop statistics items (counted from the same records <see cref="OneStopDossiers"/> returns).</summary>
    public IReadOnlyList<OneStopStatsItem> OneStop(MonthPeriod period) =>
        View(period) is { } view ? units.Reporting(period).Select(u => new DossierMonth(u, view).Statistics()).ToArray() : [];

    public IReadOnlyList<DossierRecord> OneStopDossiers(MonthPeriod period)
    {
        if (View(period) is not { } view)
        {
            return [];
        }

        var records = new List<DossierRecord>();
        foreach (var unit in units.Reporting(period))
        {
            var month = new DossierMonth(unit, view);
            for (int i = 0; i < month.Count; i++)
            {
                records.Add(month.Record(i));
            }
        }

        return records;
    }

    /// <summary>
    /// Every machine group as at the end of the month (or now), the unmapped <c>AM.TEST-LAB</c> last.
    /// For the current month this is exactly what the summary endpoint serves.
    /// </summary>
    public IReadOnlyList<AntiMalwareItem> AntiMalware(MonthPeriod period) =>
        View(period) is { } view ? AntiMalwareItems(units, period, view) : [];

    public IReadOnlyList<PortalItem> Portal(MonthPeriod period) =>
        View(period) is { } view ? units.Portal(period).Select(u => PortalFigures.For(u, view)).ToArray() : [];

    internal static AntiMalwareItem[] AntiMalwareItems(UnitRoster units, MonthPeriod period, MonthView view) =>
    [
        .. units.Reporting(period).Select(u => AntiMalwareFigures.For(u, view)),
        AntiMalwareFigures.For(UnitRoster.TestLabOrgCode, units.TestLab.Name, units.TestLab, view),
    ];

    private MonthView? View(MonthPeriod period) => MonthView.Of(period, time.GetUtcNow());
}
