using KpiMonitor.SourceSimulator.Figures;
using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>
/// Where record n of a month lies when units are listed one after the other: only the per-unit counts
/// are computed up front, and a page generates just its own records.
/// </summary>
internal sealed class DossierIndex
{
    private readonly DossierMonth[] _months;
    private readonly int[] _starts;

    public DossierIndex(IReadOnlyList<SimUnit> units, MonthView? view)
    {
        _months = view is { } v ? units.Select(u => new DossierMonth(u, v)).ToArray() : [];
        _starts = new int[_months.Length];
        int total = 0;
        for (int i = 0; i < _months.Length; i++)
        {
            _starts[i] = total;
            total += _months[i].Count;
        }

        Total = total;
    }

    public int Total { get; }

    public DossierRecord Record(int n)
    {
        int unit = Array.BinarySearch(_starts, n);
        if (unit < 0)
        {
            unit = ~unit - 1;
        }

        // Units with no dossiers share their start with the next one: move to the unit that holds n.
        while (_months[unit].Count <= n - _starts[unit])
        {
            unit++;
        }

        return _months[unit].Record(n - _starts[unit]);
    }
}
