using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// One KPI rolled up for every unit of the catalogue over consecutive periods, from one read of every unit's
/// figures. Each period uses the tree of its last day, as <see cref="KpiReader"/> does, so the two agree.
/// Values sit in flat arrays (period × unit): 20 bytes a cell for a summed ratio, 12 for a count, score or rank (28 for a
/// ratio shown unit by unit); 5,000 units × 24 months of a summed ratio is 2.4 MB. <see cref="Builder"/> holds 8 bytes a
/// cell more while it reads.
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
        foreach (var point in points)
        {
            int u = units.Find(point.Unit), p = Array.BinarySearch(snapshot._periods, point.Period);
            if (u >= 0 && p >= 0)
            {
                snapshot.Set(p * units.Count + u, point.Value, point.Numerator, point.Denominator);
            }
        }

        snapshot.RollUp(catalog, buckets);
        return snapshot;
    }

    /// <summary>
    /// Starts a snapshot that takes the figures as a store reads them (<see cref="ITimeSeriesStore.ScanSeriesAsync"/> over
    /// the buckets' range, every unit): the newest of each unit in each period is kept straight in the snapshot's cells,
    /// with no list of points between (at national scale that list and its staging cost 11 MB a KPI for 11 months).
    /// </summary>
    public static Builder Begin(
        KpiDefinition kpi, PeriodGranularity granularity, Catalog catalog, UnitIndex units, IReadOnlyList<PeriodBucket> buckets, long version, DateTimeOffset builtAt) =>
        new(new RollupSnapshot(kpi, granularity, buckets, units, version, builtAt), catalog, buckets);

    /// <summary>Fills a snapshot from figures in any order (<see cref="Begin"/>); <see cref="Finish"/> rolls it up.</summary>
    public sealed class Builder
    {
        private readonly RollupSnapshot _snapshot;
        private readonly Catalog _catalog;
        private readonly IReadOnlyList<PeriodBucket> _buckets;
        private readonly PeriodIndex _periods;
        private long[]? _times;

        internal Builder(RollupSnapshot snapshot, Catalog catalog, IReadOnlyList<PeriodBucket> buckets)
        {
            (_snapshot, _catalog, _buckets) = (snapshot, catalog, buckets);
            _periods = new PeriodIndex(buckets);
            _times = new long[snapshot.Cells];
            Array.Fill(_times, long.MinValue);
        }

        /// <summary>Figures taken so far, newest or not.</summary>
        public long Rows { get; private set; }

        /// <summary>Takes a figure (a <see cref="SeriesRowHandler"/>); it replaces what its unit had in its period unless that is newer.</summary>
        public void Offer(string unit, long timeMs, double? value, double? numerator, double? denominator)
        {
            var times = _times ?? throw new InvalidOperationException("Bản tổng hợp đã xong, không nhận thêm số liệu.");
            Rows++;
            int bucket = _periods.Of(timeMs), u = _snapshot._units.Find(unit);
            if (bucket < 0 || u < 0)
            {
                return;
            }

            int cell = bucket * _snapshot._units.Count + u;
            if (times[cell] <= timeMs)
            {
                times[cell] = timeMs;
                _snapshot.Set(cell, value, numerator, denominator);
            }
        }

        /// <summary>Rolls the figures up each period's tree and hands over the snapshot; nothing more is taken after.</summary>
        public RollupSnapshot Finish()
        {
            if (_times is null)
            {
                throw new InvalidOperationException("Bản tổng hợp đã xong.");
            }

            _times = null;
            _snapshot.RollUp(_catalog, _buckets);
            return _snapshot;
        }
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

    /// <summary>
    /// A unit's own figure in its cell, in place of what was there; for <see cref="RollupMethod.None"/> that is already the
    /// answer. A figure without what the rollup sums (a ratio without both parts, a count without a value) leaves it empty.
    /// </summary>
    private void Set(int cell, double? value, double? numerator, double? denominator)
    {
        _reporting[cell] = 0;
        _value?[cell] = 0;
        _numerator?[cell] = 0;
        _denominator?[cell] = 0;
        switch (Kpi.Rollup)
        {
            case RollupMethod.SumRatio when numerator is { } n && denominator is { } d:
                (_numerator![cell], _denominator![cell], _reporting[cell]) = (n, d, 1);
                break;
            case RollupMethod.Sum when value is { } v:
                (_value![cell], _reporting[cell]) = (v, 1);
                break;
            case RollupMethod.None:
                _value![cell] = value ?? StoredValue.Percentage(numerator, denominator) ?? double.NaN;
                if (_numerator is not null)
                {
                    _numerator[cell] = numerator ?? double.NaN;
                    _denominator![cell] = denominator ?? double.NaN;
                }

                _reporting[cell] = 1;
                break;
        }
    }

    /// <summary>Each period's own figures summed up the tree of its last day (nothing for <see cref="RollupMethod.None"/>).</summary>
    private void RollUp(Catalog catalog, IReadOnlyList<PeriodBucket> buckets)
    {
        if (Kpi.Rollup == RollupMethod.None)
        {
            return;
        }

        for (int p = 0; p < buckets.Count; p++)
        {
            var tree = catalog.Units.AsOf(VietnamTime.DateOf(buckets[p].End.AddTicks(-1)));
            ForgetAbsent(tree, p * _units.Count);
            foreach (var root in tree.Roots)
            {
                AddUp(tree, root.Code, p * _units.Count);
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
