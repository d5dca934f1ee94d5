using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Benchmarks.Storage;

/// <summary>A province-sized catalogue (25 KPIs, 5,000 units) and a deterministic set of observations for it.</summary>
public static class BenchmarkData
{
    public const int KpiCount = 25;
    public const int UnitCount = 5000;
    public const string Source = "benchmark";
    public static readonly DateOnly FirstDay = new(2025, 1, 1);

    private static readonly KpiKind[] Kinds = [KpiKind.Ratio, KpiKind.Count, KpiKind.Ratio, KpiKind.Percent, KpiKind.Score];

    public static string KpiCode(int k) => $"kpi_{k:D2}";

    public static Catalog CreateCatalog()
    {
        var kpis = Enumerable.Range(0, KpiCount).Select(k => new KpiDefinition
        {
            Code = KpiCode(k),
            NameVi = $"Chỉ tiêu {k}",
            NameEn = $"Indicator {k}",
            Kind = Kinds[k % Kinds.Length],
            DisplayUnit = "%",
            Direction = Direction.HigherIsBetter,
            Rollup = Kinds[k % Kinds.Length] switch { KpiKind.Ratio => RollupMethod.SumRatio, KpiKind.Count => RollupMethod.Sum, _ => RollupMethod.None },
            Period = ReportingPeriod.Daily,
            SourceSystem = "benchmark",
            DefinitionVi = $"Chỉ tiêu thử tải {k}",
        });
        var units = new List<OrgUnit> { Unit("P", "Tỉnh", "province", null) };
        for (int d = 0; d < 50; d++)
        {
            units.Add(Unit($"P.H{d:D2}", $"Huyện {d}", "district", "P"));
        }

        for (int u = units.Count; u < UnitCount; u++)
        {
            units.Add(Unit($"P.H{u % 50:D2}.X{u:D4}", $"Xã số {u}", "commune", $"P.H{u % 50:D2}"));
        }

        return new Catalog(
            new KpiCatalog(kpis),
            new OrgTree([new OrgLevel("province", "Tỉnh", "Province"), new OrgLevel("district", "Huyện", "District"), new OrgLevel("commune", "Xã", "Commune")], units),
            new TargetBook([]),
            "(benchmark)");
    }

    /// <summary>One day's observations: every KPI for every unit, KPI by KPI.</summary>
    public static Observation[] Day(Catalog catalog, int day)
    {
        var random = new Random(day);
        var time = VietnamTime.StartOf(FirstDay.AddDays(day));
        var result = new Observation[KpiCount * UnitCount];
        int i = 0;
        foreach (var kpi in catalog.Kpis.All)
        {
            foreach (var unit in catalog.Units.Units)
            {
                double denominator = random.Next(1, 5000);
                result[i++] = kpi.Kind switch
                {
                    KpiKind.Ratio => Observation.Ratio(kpi.Code, unit.Code, time, Math.Floor(denominator * random.NextDouble()), denominator, Source),
                    KpiKind.Count => Observation.Scalar(kpi.Code, unit.Code, time, random.Next(0, 500), Source),
                    _ => Observation.Scalar(kpi.Code, unit.Code, time, Math.Round(random.NextDouble() * 100, 2), Source),
                };
            }
        }

        return result;
    }

    /// <summary>The same observations as ready-made line protocol bodies of <paramref name="batchSize"/> lines, in the store's schema.</summary>
    public static List<byte[]> RawBatches(Catalog catalog, Observation[] observations, int batchSize, long receivedMs)
    {
        var batches = new List<byte[]>();
        using var writer = new LineProtocolWriter(1 << 20);
        for (int start = 0; start < observations.Length; start += batchSize)
        {
            writer.Clear();
            foreach (var o in observations.AsSpan(start, Math.Min(batchSize, observations.Length - start)))
            {
                writer.BeginLine("observation");
                writer.Tag("kpi", o.Kpi);
                writer.Tag("unit", o.Unit);
                if (catalog.Kpis.Find(o.Kpi)!.Kind == KpiKind.Ratio)
                {
                    writer.Field("numerator", o.Numerator!.Value);
                    writer.Field("denominator", o.Denominator!.Value);
                }
                else
                {
                    writer.Field("value", o.Value!.Value);
                }

                writer.Field("source", o.Source);
                writer.Field("received_ms", receivedMs);
                writer.EndLine(o.Time.ToUnixTimeMilliseconds());
            }

            batches.Add(writer.WrittenMemory.ToArray());
        }

        return batches;
    }

    private static OrgUnit Unit(string code, string name, string level, string? parent) => new()
    {
        Code = code,
        NameVi = name,
        Level = level,
        Parents = [new ParentLink(DateOnly.MinValue, parent)],
    };
}
