using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// One KPI rolled up for every unit of the catalogue over consecutive periods, from one read of every unit's
/// figures. Each period uses the tree of its last day, as <see cref="KpiReader"/> does, so the two agree.
/// Values sit in flat arrays (period × unit): 20 bytes a cell for a ratio, 12 for a count, score or rank; 5,000 units × 24
/// months of a ratio is 2.4 MB.
/// </summary>
public sealed partial class RollupSnapshot
{
    private readonly UnitIndex _units;
    private readonly DateOnly[] _periods;
    private readonly double[]? _numerator;
    private readonly double[]? _denominator;
    private readonly double[]? _value;
    private readonly int[] _reporting;

    private RollupSnapshot(KpiDefinition kpi, PeriodGranularity granularity, IReadOnlyList<PeriodBucket> buckets, UnitIndex units, long version, DateTimeOffset builtAt)
        : this(kpi, granularity, buckets.Select(b => b.FirstDay).ToArray(), units, version, builtAt)
    {
    }

    private RollupSnapshot(KpiDefinition kpi, PeriodGranularity granularity, DateOnly[] periods, UnitIndex units, long version, DateTimeOffset builtAt)
    {
        Kpi = kpi;
        Granularity = granularity;
        _units = units;
        _periods = periods;
        Version = version;
        BuiltAt = builtAt;
        int cells = _periods.Length * units.Count;
        // A ratio keeps its parts (summed up the tree, or shown as they are); a score, rank or percentage has none, and
        // NaN in two arrays of 8 bytes a cell was a third of a national snapshot of such a KPI (issue #13).
        bool parts = kpi.Rollup == RollupMethod.SumRatio || (kpi.Rollup == RollupMethod.None && kpi.Kind == KpiKind.Ratio);
        _numerator = parts ? new double[cells] : null;
        _denominator = parts ? new double[cells] : null;
        _value = kpi.Rollup != RollupMethod.SumRatio ? new double[cells] : null;
        _reporting = new int[cells];
    }

    /// <summary>The KPI rolled up.</summary>
    public KpiDefinition Kpi { get; }

    /// <summary>Length of each period.</summary>
    public PeriodGranularity Granularity { get; }

    /// <summary>First day of the first period.</summary>
    public DateOnly FirstPeriod => _periods[0];

    /// <summary>First day of the last period.</summary>
    public DateOnly LastPeriod => _periods[^1];

    /// <summary>The store's change version of the KPI read before the figures were.</summary>
    public long Version { get; }

    /// <summary>When the figures were read.</summary>
    public DateTimeOffset BuiltAt { get; }

    /// <summary>Periods × units: what the snapshot weighs.</summary>
    public long Cells => (long)_periods.Length * _units.Count;

    /// <summary>Number of periods.</summary>
    public int Periods => _periods.Length;

    /// <summary>Whether every period from <paramref name="first"/> to <paramref name="last"/> is inside.</summary>
    public bool Covers(DateOnly first, DateOnly last) => first >= FirstPeriod && last <= LastPeriod;

    /// <summary>The rolled-up series of a unit for the periods from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public IReadOnlyList<RollupSeriesPoint> Series(string unit, DateOnly first, DateOnly last)
    {
        int u = _units.Find(unit);
        int from = Array.BinarySearch(_periods, first), to = Array.BinarySearch(_periods, last);
        if (from < 0 || to < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"Kỳ {first:dd/MM/yyyy}–{last:dd/MM/yyyy} không nằm trong bản tổng hợp {FirstPeriod:dd/MM/yyyy}–{LastPeriod:dd/MM/yyyy}.");
        }

        var series = new List<RollupSeriesPoint>(to - from + 1);
        for (int p = from; p <= to; p++)
        {
            series.Add(new RollupSeriesPoint(_periods[p], u < 0 ? Empty : At(p * _units.Count + u)));
        }

        return series;
    }

    /// <summary>
    /// Builds the snapshot from the last figure of each unit in each period (<see cref="ITimeSeriesStore.GetSeriesAsync"/>
    /// for every unit). Figures of units the catalogue does not know, or of periods outside <paramref name="buckets"/>, are ignored.
    /// </summary>
    public static RollupSnapshot Build(
        KpiDefinition kpi, PeriodGranularity granularity, Catalog catalog, UnitIndex units, IReadOnlyList<PeriodBucket> buckets,
        IEnumerable<SeriesPoint> points, long version, DateTimeOffset builtAt)
    {
        var snapshot = new RollupSnapshot(kpi, granularity, buckets, units, version, builtAt);
        snapshot.Fill(points);
        if (kpi.Rollup != RollupMethod.None)
        {
            for (int p = 0; p < buckets.Count; p++)
            {
                var tree = catalog.Units.AsOf(VietnamTime.DateOf(buckets[p].End.AddTicks(-1)));
                snapshot.ForgetAbsent(tree, p * units.Count);
                foreach (var root in tree.Roots)
                {
                    snapshot.AddUp(tree, root.Code, p * units.Count);
                }
            }
        }

        return snapshot;
    }

    /// <summary>
    /// One snapshot of the periods of <paramref name="older"/> followed by those of <paramref name="newer"/>, which must
    /// follow on without a gap (same KPI, granularity and units). Each period was rolled up on its own tree, so joining
    /// changes no figure. It carries <paramref name="newer"/>'s version and the older of the two reading times.
    /// </summary>
    public static RollupSnapshot Join(RollupSnapshot older, RollupSnapshot newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (older.Kpi.Code != newer.Kpi.Code || older.Granularity != newer.Granularity || !ReferenceEquals(older._units, newer._units)
            || PeriodBucket.Next(older.LastPeriod, older.Granularity) != newer.FirstPeriod)
        {
            throw new ArgumentException(
                $"Không nối được bản tổng hợp {older.Kpi.Code} {older.FirstPeriod:dd/MM/yyyy}–{older.LastPeriod:dd/MM/yyyy} với {newer.Kpi.Code} {newer.FirstPeriod:dd/MM/yyyy}–{newer.LastPeriod:dd/MM/yyyy}.",
                nameof(newer));
        }

        var joined = new RollupSnapshot(newer.Kpi, newer.Granularity, [.. older._periods, .. newer._periods], newer._units, newer.Version,
            older.BuiltAt < newer.BuiltAt ? older.BuiltAt : newer.BuiltAt);
        Concat(older._reporting, newer._reporting, joined._reporting);
        Concat(older._numerator, newer._numerator, joined._numerator);
        Concat(older._denominator, newer._denominator, joined._denominator);
        Concat(older._value, newer._value, joined._value);
        return joined;
    }

    private static void Concat<T>(T[]? first, T[]? second, T[]? into)
    {
        if (into is not null)
        {
            first!.CopyTo(into, 0);
            second!.CopyTo(into, first.Length);
        }
    }

    private static RolledValue Empty { get; } = new(null, null, null, 0);

    /// <summary>Each unit's own figure in its cell; for <see cref="RollupMethod.None"/> that is already the answer.</summary>
    private void Fill(IEnumerable<SeriesPoint> points)
    {
        foreach (var point in points)
        {
            int u = _units.Find(point.Unit), p = Array.BinarySearch(_periods, point.Period);
            if (u < 0 || p < 0)
            {
                continue;
            }

            int cell = p * _units.Count + u;
            switch (Kpi.Rollup)
            {
                case RollupMethod.SumRatio when point.Numerator is { } n && point.Denominator is { } d:
                    (_numerator![cell], _denominator![cell], _reporting[cell]) = (n, d, 1);
                    break;
                case RollupMethod.Sum when point.Value is { } v:
                    (_value![cell], _reporting[cell]) = (v, 1);
                    break;
                case RollupMethod.None:
                    _value![cell] = point.Value ?? StoredValue.Percentage(point.Numerator, point.Denominator) ?? double.NaN;
                    if (_numerator is not null)
                    {
                        _numerator[cell] = point.Numerator ?? double.NaN;
                        _denominator![cell] = point.Denominator ?? double.NaN;
                    }

                    _reporting[cell] = 1;
                    break;
            }
        }
    }

    /// <summary>A unit that does not exist on the period's last day has no subtree then, and so no value.</summary>
    private void ForgetAbsent(OrgSnapshot tree, int row)
    {
        for (int u = 0; u < _units.Count; u++)
        {
            if (_reporting[row + u] != 0 && !tree.Exists(_units.Code(u)))
            {
                _reporting[row + u] = 0;
                (_value ?? _numerator!)[row + u] = 0;
                if (_denominator is not null)
                {
                    _denominator[row + u] = 0;
                }
            }
        }
    }

    /// <summary>Adds the children's totals into each unit's cell, depth first.</summary>
    private void AddUp(OrgSnapshot tree, string code, int row)
    {
        int cell = row + _units.Find(code);
        foreach (var child in tree.ChildrenOf(code))
        {
            AddUp(tree, child.Code, row);
            int c = row + _units.Find(child.Code);
            if (_reporting[c] == 0)
            {
                continue;
            }

            _reporting[cell] += _reporting[c];
            if (_value is not null)
            {
                _value[cell] += _value[c];
            }
            else
            {
                _numerator![cell] += _numerator[c];
                _denominator![cell] += _denominator[c];
            }
        }
    }

    private RolledValue At(int cell)
    {
        if (_reporting[cell] == 0)
        {
            return Empty;
        }

        return Kpi.Rollup switch
        {
            RollupMethod.SumRatio => new RolledValue(StoredValue.Percentage(_numerator![cell], _denominator![cell]), _numerator[cell], _denominator[cell], _reporting[cell]),
            RollupMethod.Sum => new RolledValue(_value![cell], null, null, _reporting[cell]),
            _ when _numerator is null => new RolledValue(NullIfNaN(_value![cell]), null, null, 1),
            _ => new RolledValue(NullIfNaN(_value![cell]), NullIfNaN(_numerator[cell]), NullIfNaN(_denominator![cell]), 1),
        };
    }

    private static double? NullIfNaN(double x) => double.IsNaN(x) ? null : x;
}
