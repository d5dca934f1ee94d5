using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>Times, codes and catalogues shared by the InfluxDB store tests.</summary>
internal static class InfluxTestData
{
    public const string OddKpi = "tỷ_lệ hồ sơ, \"đúng hạn\"=x";
    public const string OddSource = "Cổng \"DVC\", v=2 \\ một cửa";
    public static readonly string[] OddUnits = ["Xã Bản Giang, Tam Đường", "a=b c", "say \"hi\"", "it's", @"x\y", "Phường 1,=\" '\\ z"];
    public static readonly DateTimeOffset Jan = Local(2025, 1, 1);
    public static readonly DateTimeOffset Feb = Local(2025, 2, 1);

    /// <summary>A hung server must fail the test, not the whole run.</summary>
    public static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public static DateTimeOffset Local(int year, int month, int day, int hour = 0) =>
        VietnamTime.StartOf(new DateOnly(year, month, day)).AddHours(hour);

    public static Catalog OddCatalog()
    {
        var catalog = Create();
        var kpi = catalog.Kpis.Find(Ratio)! with { Code = OddKpi };
        return catalog with
        {
            Kpis = new KpiCatalog([.. catalog.Kpis.All, kpi]),
            Units = new OrgTree(catalog.Units.Levels, [.. catalog.Units.Units, .. OddUnits.Select(Commune)]),
        };
    }

    public static Catalog ManyUnitsCatalog(int count)
    {
        var catalog = Create();
        return catalog with { Units = new OrgTree(catalog.Units.Levels, Enumerable.Range(0, count).Select(i => Commune($"X{i:D4}"))) };
    }

    public static OrgUnit Commune(string code) => new()
    {
        Code = code,
        NameVi = code,
        Level = "commune",
        Parents = [new ParentLink(DateOnly.MinValue, null)],
    };
}
