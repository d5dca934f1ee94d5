using System.Runtime.InteropServices;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Shared.Rollups;

/// <summary>Writing a snapshot to a file and reading it back, so a restarted dashboard need not read the store again.</summary>
public sealed partial class RollupSnapshot
{
    /// <summary>2: the KPI's kind is written, and a KPI neither summed nor a ratio keeps no parts (files of format 1 are read again from the store).</summary>
    private const int Format = 2;

    /// <summary>
    /// Writes the snapshot: what it is (KPI, rollup method, granularity, version, when built, units, periods) and its arrays
    /// as they are in memory. <see cref="ReadFrom"/> reads it back.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Format);
        writer.Write(Kpi.Code);
        writer.Write((int)Kpi.Rollup);
        // Which arrays follow depends on the kind as well (a ratio keeps its parts): a file of another kind is not read.
        writer.Write((int)Kpi.Kind);
        writer.Write((int)Granularity);
        writer.Write(Version);
        writer.Write(BuiltAt.UtcTicks);
        writer.Write(_units.Count);
        writer.Write(_periods.Length);
        foreach (var period in _periods)
        {
            writer.Write(period.DayNumber);
        }

        writer.Write(MemoryMarshal.AsBytes(_reporting.AsSpan()));
        foreach (double[]? array in (double[]?[])[_numerator, _denominator, _value])
        {
            if (array is not null)
            {
                writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
            }
        }
    }

    /// <summary>
    /// Reads a snapshot <see cref="WriteTo"/> wrote; null when it is of another format, KPI, rollup method, kind or number of
    /// units (the catalogue changed). A file cut short throws <see cref="EndOfStreamException"/>.
    /// </summary>
    public static RollupSnapshot? ReadFrom(Stream stream, KpiDefinition kpi, UnitIndex units)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(units);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Format || reader.ReadString() != kpi.Code || reader.ReadInt32() != (int)kpi.Rollup || reader.ReadInt32() != (int)kpi.Kind)
        {
            return null;
        }

        var granularity = (PeriodGranularity)reader.ReadInt32();
        long version = reader.ReadInt64();
        var builtAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        if (!Enum.IsDefined(granularity) || reader.ReadInt32() != units.Count)
        {
            return null;
        }

        int periods = reader.ReadInt32();
        if (periods is < 1 or > 10_000)
        {
            return null;
        }

        var firstDays = new DateOnly[periods];
        for (int p = 0; p < periods; p++)
        {
            firstDays[p] = DateOnly.FromDayNumber(reader.ReadInt32());
        }

        var snapshot = new RollupSnapshot(kpi, granularity, firstDays, units, version, builtAt);
        stream.ReadExactly(MemoryMarshal.AsBytes(snapshot._reporting.AsSpan()));
        foreach (double[]? array in (double[]?[])[snapshot._numerator, snapshot._denominator, snapshot._value])
        {
            if (array is not null)
            {
                stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
            }
        }

        return snapshot;
    }
}
