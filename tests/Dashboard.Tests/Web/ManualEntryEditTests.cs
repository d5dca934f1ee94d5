using System.Net;
using System.Text.RegularExpressions;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>Correcting a stored manual figure: find it in the table, open it pre-filled, save the new one.</summary>
public sealed partial class ManualEntryEditTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task TheEditLink_OfAStoredRatio_PrefillsNumeratorAndDenominator_AndSavingItRecordsOldAndNew()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        var month = LastMonth();
        string period = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await PostAsync(op, "/nhap-lieu", new() { ["kpi"] = "par_plan_progress", ["unit"] = "LCU.S.SNV", ["period"] = period, ["numerator"] = "9", ["denominator"] = "12" });

        string table = await op.GetStringAsync(new Uri("/nhap-lieu?kpi=par_plan_progress", UriKind.Relative));
        string link = EditLinks(table).Single(l => l.Contains("unit=LCU.S.SNV", StringComparison.Ordinal) && l.Contains(period, StringComparison.Ordinal));
        string form = await op.GetStringAsync(new Uri(link, UriKind.Relative));

        Assert.Contains("75,0 % (9/12)", table, StringComparison.Ordinal);
        Assert.Equal($"/nhap-lieu?kpi=par_plan_progress&unit=LCU.S.SNV&period={period}#sua", link);
        Assert.Contains("Giá trị hiện tại: 75,0 % (9/12)", form, StringComparison.Ordinal);
        Assert.Contains("Nhập tay lần cuối: operator", form, StringComparison.Ordinal);
        Assert.Equal(("9", "12", period), (InputValue(form, "numerator"), InputValue(form, "denominator"), InputValue(form, "period")));
        Assert.Null(InputValue(form, "value"));
        Assert.Contains("<option value=\"LCU.S.SNV\" selected=\"selected\">", form, StringComparison.Ordinal);

        string saved = await PostAsync(op, link, new() { ["kpi"] = "par_plan_progress", ["unit"] = "LCU.S.SNV", ["period"] = period, ["numerator"] = "10", ["denominator"] = "12" });

        Assert.Contains("Đã lưu", saved, StringComparison.Ordinal);
        Assert.Contains("Giá trị hiện tại: 83,3 % (10/12)", saved, StringComparison.Ordinal);
        Assert.Equal(("10", "12"), (InputValue(saved, "numerator"), InputValue(saved, "denominator")));
        Assert.Contains("<td class=\"num\">75,0 % (9/12)</td><td class=\"num\">83,3 % (10/12)</td><td>biểu mẫu</td>", saved, StringComparison.Ordinal);
        var start = VietnamTime.StartOf(month);
        var stored = Assert.Single(await factory.Services.GetRequiredService<ITimeSeriesStore>().GetLatestAsync("par_plan_progress", start, ["LCU.S.SNV"], CancellationToken.None));
        Assert.Equal((start, 10.0, 12.0), (stored.Time, stored.Numerator!.Value, stored.Denominator!.Value));
    }

    [Fact]
    public async Task AYearlyRank_ShowsOnlyTheValueField_SaysWhenThereIsNoFigureYet_AndIsCorrectedInPlace()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        int year = LastMonth().Year - 1;

        string empty = await op.GetStringAsync(new Uri($"/nhap-lieu?kpi=par_index_rank&unit=LCU&period={year}", UriKind.Relative));
        await PostAsync(op, "/nhap-lieu", new() { ["kpi"] = "par_index_rank", ["unit"] = "LCU", ["period"] = $"{year}", ["value"] = "31" });
        string form = await op.GetStringAsync(new Uri($"/nhap-lieu?kpi=par_index_rank&unit=LCU&period={year}-06", UriKind.Relative));
        string saved = await PostAsync(op, "/nhap-lieu", new() { ["kpi"] = "par_index_rank", ["unit"] = "LCU", ["period"] = $"{year}", ["value"] = "27" });

        Assert.Contains("Chưa có số liệu cho đơn vị và kỳ này", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Giá trị hiện tại", empty, StringComparison.Ordinal);
        Assert.Equal(("", $"{year}"), (InputValue(empty, "value"), InputValue(empty, "period")));
        Assert.Null(InputValue(empty, "numerator"));
        Assert.Null(InputValue(empty, "denominator"));
        Assert.Contains("Kỳ (yyyy)", empty, StringComparison.Ordinal);
        Assert.Contains("Giá trị hiện tại: 31", form, StringComparison.Ordinal);
        Assert.Equal(("31", $"{year}"), (InputValue(form, "value"), InputValue(form, "period")));
        Assert.Contains("Giá trị hiện tại: 27", saved, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">31</td><td class=\"num\">27</td><td>biểu mẫu</td>", saved, StringComparison.Ordinal);
        var start = VietnamTime.StartOf(new DateOnly(year, 1, 1));
        var stored = Assert.Single(await factory.Services.GetRequiredService<ITimeSeriesStore>().GetLatestAsync("par_index_rank", start, ["LCU"], CancellationToken.None));
        Assert.Equal((start, 27.0), (stored.Time, stored.Value!.Value));
    }

    [Fact]
    public async Task InEnglish_TheFormSaysCurrentValue_WithEnglishNumbers()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        string period = LastMonth().AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await PostAsync(op, "/nhap-lieu", new() { ["kpi"] = "reform_inspection_coverage", ["unit"] = "LCU", ["period"] = period, ["numerator"] = "5", ["denominator"] = "8" });
        await op.GetAsync(new Uri("/ngon-ngu/en", UriKind.Relative));

        string form = await op.GetStringAsync(new Uri($"/nhap-lieu?kpi=reform_inspection_coverage&unit=LCU&period={period}", UriKind.Relative));

        Assert.Contains("Current value: 62.5% (5/8)", form, StringComparison.Ordinal);
        Assert.Contains("Last entered by hand: operator", form, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nhap-lieu?kpi=khong_co", "không có chỉ tiêu mã 'khong_co' trong danh mục")]
    [InlineData("/nhap-lieu?kpi=online_dossier_rate", "chỉ tiêu 'online_dossier_rate' do hệ thống nguồn gửi số liệu")]
    [InlineData("/nhap-lieu?kpi=par_plan_progress&unit=KHONG.CO", "không có đơn vị mã 'KHONG.CO' trong danh mục")]
    [InlineData("/nhap-lieu?kpi=par_plan_progress&unit=LCU&period=2024-13", "kỳ '2024-13' không hợp lệ")]
    [InlineData("/nhap-lieu?kpi=par_plan_progress&unit=LCU&period=06/2024", "kỳ '06/2024' không hợp lệ")]
    [InlineData("/nhap-lieu?kpi=par_plan_progress&unit=LCU&period=0001-01", "kỳ '0001-01' không hợp lệ")]
    [InlineData("/nhap-lieu?unit=LCU&period=2024-06", "kỳ '2024-06' cần đi kèm một chỉ tiêu")]
    public async Task ABadAddress_Gets400_WithTheReasonInVietnamese_AndThePageStillWorks(string address, string reason)
    {
        var op = await factory.SignedInAsync(Roles.Operator);

        var response = await op.GetAsync(new Uri(address, UriKind.Relative));
        string page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không mở được số liệu theo địa chỉ này:", page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Contains("Tiến độ thực hiện kế hoạch CCHC", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã có lỗi", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASavedFigure_RedirectsToItsForm_SoRefreshingThePageDoesNotSaveItAgain()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        string period = LastMonth().AddMonths(-2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        string form = await op.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));

        using var response = await op.PostAsync(new Uri("/nhap-lieu?handler=Enter", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kpi"] = "par_plan_progress", ["unit"] = "LCU.S.SNV", ["period"] = period, ["numerator"] = "4", ["denominator"] = "8",
            ["__RequestVerificationToken"] = DashboardFactory.Token(form),
        }));
        var location = response.Headers.Location!;
        string shown = await op.GetStringAsync(location);
        string refreshed = await op.GetStringAsync(location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/nhap-lieu?kpi=par_plan_progress&unit=LCU.S.SNV&period={period}#sua", location.OriginalString);
        Assert.Contains("Đã lưu", shown, StringComparison.Ordinal);
        Assert.Contains("Giá trị hiện tại: 50,0 % (4/8)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã lưu", refreshed, StringComparison.Ordinal); // the note is shown once
        Assert.Contains("Giá trị hiện tại: 50,0 % (4/8)", refreshed, StringComparison.Ordinal);
        const string auditRow = "<td class=\"num\">50,0 % (4/8)</td><td>biểu mẫu</td>";
        Assert.Single(Regex.Matches(refreshed, Regex.Escape(auditRow)));
    }

    [Fact]
    public async Task AViewer_CannotOpenAFigureToEdit_NorSaveOne()
    {
        var viewer = await factory.SignedInAsync(Roles.Viewer);
        string overview = await viewer.GetStringAsync(new Uri("/", UriKind.Relative));

        var opened = await viewer.GetAsync(new Uri("/nhap-lieu?kpi=par_index_rank&unit=LCU&period=2020", UriKind.Relative));
        var saved = await viewer.PostAsync(new Uri("/nhap-lieu?handler=Enter", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kpi"] = "par_index_rank", ["unit"] = "LCU.S.SNV", ["period"] = "2020", ["value"] = "1",
            ["__RequestVerificationToken"] = DashboardFactory.Token(overview),
        }));

        foreach (var refused in new[] { opened, saved })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/khong-co-quyen", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(refused.Headers.Location)).StatusCode);
        }

        var start = VietnamTime.StartOf(new DateOnly(2020, 1, 1));
        Assert.Empty(await factory.Services.GetRequiredService<ITimeSeriesStore>().GetLatestAsync("par_index_rank", start, ["LCU.S.SNV"], CancellationToken.None));
    }

    private DateOnly LastMonth()
    {
        var today = VietnamTime.DateOf(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    /// <summary>Posts the entry form from the page at <paramref name="page"/>, with that page's anti-forgery token.</summary>
    private static async Task<string> PostAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        string form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = DashboardFactory.Token(form);
        var response = await client.PostAsync(new Uri("/nhap-lieu?handler=Enter", UriKind.Relative), new FormUrlEncodedContent(fields));
        return await PageAfterAsync(client, response);
    }

    /// <summary>The page a person sees after posting the form: a saved figure's redirect followed, a refused one as answered.</summary>
    internal static async Task<string> PageAfterAsync(HttpClient client, HttpResponseMessage response)
    {
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/nhap-lieu?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                return await client.GetStringAsync(response.Headers.Location);
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }

    private static IEnumerable<string> EditLinks(string html) =>
        EditLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    /// <summary>The value of the input named <paramref name="name"/>; null when the page has no such input.</summary>
    private static string? InputValue(string html, string name)
    {
        var input = Regex.Match(html, $"<input[^>]*\\bname=\"{name}\"[^>]*>");
        return input.Success ? WebUtility.HtmlDecode(Regex.Match(input.Value, "\\bvalue=\"([^\"]*)\"").Groups[1].Value) : null;
    }

    [GeneratedRegex("<a href=\"(/nhap-lieu\\?kpi=[^\"]*)\">(?:Sửa|Nhập)</a>")]
    private static partial Regex EditLink();
}
