using System.Text;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Units;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

// What the child-table tests write into the store and read back from the KPI page's HTML and its CSV download.
internal static partial class KpiTablePage
{
    public const string BanGiang = "LCU.X.BANGIANG";
    public const string BanBo = "LCU.X.BANBO";
    public const string SanThang = "LCU.X.SANTHANG";
    public const string SungPhai = "LCU.X.SUNGPHAI";
    public const string TuPhap = "LCU.S.STP";
    public const string YTe = "LCU.S.SYT";

    public static DateOnly ThisMonth => PeriodBucket.Floor(VietnamTime.DateOf(DateTimeOffset.UtcNow), PeriodGranularity.Month);

    public static IReadOnlyList<OrgUnit> Children(DashboardFactory factory) =>
        factory.Services.GetRequiredService<Catalog>().Units.AsOf(VietnamTime.DateOf(DateTimeOffset.UtcNow)).ChildrenOf("LCU");

    public static async Task WriteRatiosAsync(DashboardFactory factory, string kpi, DateOnly month, params (string Unit, double Numerator, double Denominator)[] figures) =>
        await factory.Services.GetRequiredService<ITimeSeriesStore>().WriteAsync(
            figures.Select(f => Observation.Ratio(kpi, f.Unit, VietnamTime.StartOf(month), f.Numerator, f.Denominator, "test")).ToList(),
            CancellationToken.None);

    public static async Task WriteScalarsAsync(DashboardFactory factory, string kpi, DateOnly month, params (string Unit, double Value)[] figures) =>
        await factory.Services.GetRequiredService<ITimeSeriesStore>().WriteAsync(
            figures.Select(f => Observation.Scalar(kpi, f.Unit, VietnamTime.StartOf(month), f.Value, "test")).ToList(),
            CancellationToken.None);

    /// <summary>The unit codes of the table's rows, top to bottom.</summary>
    public static string[] RowUnits(string html) => RowUnit().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    public static string Rank(string html, string unit) => RankCell().Match(Row(html, unit)).Groups[1].Value;

    public static string Movement(string html, string unit) => MovementCell().Match(Row(html, unit)).Groups[1].Value;

    /// <summary>The level filter above the table.</summary>
    public static string Nav(string html)
    {
        int start = html.IndexOf("<nav class=\"levels\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no level filter");
        return html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
    }

    /// <summary>The lines of a downloaded CSV after its byte-order mark, header first.</summary>
    public static string[] CsvLines(byte[] csv) =>
        Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static string Row(string html, string unit)
    {
        int start = html.IndexOf($"<tr data-unit=\"{unit}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {unit}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr data-unit=\"([^\"]+)\"")]
    private static partial Regex RowUnit();

    [GeneratedRegex("<td class=\"rank\">([^<]*)</td>")]
    private static partial Regex RankCell();

    [GeneratedRegex("<td class=\"num movement[^\"]*\">([^<]*)</td>")]
    private static partial Regex MovementCell();
}
