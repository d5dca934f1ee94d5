using System.Text.RegularExpressions;

namespace KpiMonitor.Dashboard.Tests.Web;

// The words around the KPI page's trend chart and above its table.
public sealed partial class KpiPageChartTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ChoicesAndColumns_HaveCapitalisedLabels_InBothLanguages()
    {
        var client = await factory.SignedInAsync();

        string vietnamese = await client.GetStringAsync(new Uri("/chi-tieu/online_dossier_rate", UriKind.Relative));
        await client.GetAsync(new Uri("/ngon-ngu/en", UriKind.Relative));
        string english = await client.GetStringAsync(new Uri("/chi-tieu/online_dossier_rate", UriKind.Relative));

        Assert.Equal(["Khoảng thời gian", "Chu kỳ"], Labels(vietnamese));
        Assert.Equal(["Time range", "Interval"], Labels(english));
        Assert.Contains("<th class=\"num\">Số đơn vị có số liệu</th>", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<th class=\"num\">Units reporting</th>", english, StringComparison.Ordinal);
        Assert.Contains(">Theo quý</option>", vietnamese, StringComparison.Ordinal);
        Assert.Contains(">Quarterly</option>", english, StringComparison.Ordinal);
    }

    // The text of each label of the chart's form, before its select.
    private static string[] Labels(string html) => FormLabel().Matches(html).Select(m => m.Groups[1].Value.Trim()).ToArray();

    [GeneratedRegex("<label>([^<]*)<select name=\"(?:months|grain)\"")]
    private static partial Regex FormLabel();
}
