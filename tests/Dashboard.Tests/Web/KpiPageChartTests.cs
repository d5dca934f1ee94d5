using System.Net;
using System.Text.RegularExpressions;
using KpiMonitor.Dashboard.Tests.Charts;

namespace KpiMonitor.Dashboard.Tests.Web;

// The KPI page's trend chart and the words around it.
public sealed partial class KpiPageChartTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task WideScreens_GetTheWideChart_OthersTheStandardOne_BothDrawnAtTheirOwnSize()
    {
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/chi-tieu/online_dossier_rate?months=12&grain=quarter", UriKind.Relative));
        var wide = WideSource().Match(html);
        var standard = StandardImage().Match(html);
        Assert.True(wide.Success, "no wide chart for wide screens");
        Assert.True(standard.Success, "no standard chart");
        string wideUrl = WebUtility.HtmlDecode(wide.Groups[1].Value), standardUrl = WebUtility.HtmlDecode(standard.Groups[1].Value);
        var widePng = PngImage.Read(await client.GetByteArrayAsync(new Uri(wideUrl, UriKind.Relative)));
        var standardPng = PngImage.Read(await client.GetByteArrayAsync(new Uri(standardUrl, UriKind.Relative)));

        Assert.Equal("/bieu-do/xu-huong/online_dossier_rate.png?unit=LCU&months=12&grain=quarter&size=wide", wideUrl);
        Assert.Equal("/bieu-do/xu-huong/online_dossier_rate.png?unit=LCU&months=12&grain=quarter", standardUrl);
        Assert.Equal((1280, 460), (widePng.Width, widePng.Height));
        Assert.Equal((900, 420), (standardPng.Width, standardPng.Height));
    }

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

    [GeneratedRegex("<source media=\"\\(min-width: 1360px\\)\" srcset=\"([^\"]+)\" width=\"1280\" height=\"460\"")]
    private static partial Regex WideSource();

    [GeneratedRegex("<img src=\"(/bieu-do/xu-huong/[^\"]+)\" width=\"900\" height=\"420\"")]
    private static partial Regex StandardImage();

    [GeneratedRegex("<label>([^<]*)<select name=\"(?:months|grain)\"")]
    private static partial Regex FormLabel();
}
