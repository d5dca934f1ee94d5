using KpiMonitor.Dashboard.Auth;

namespace KpiMonitor.Dashboard.Tests.Web;

// The language switch (the lang cookie) decides; a browser's Accept-Language alone does not, and Vietnamese is the default.
public sealed class ManualEntryLanguageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task AnEnglishReader_GetsEnglishValidationErrors_FromTheForm()
    {
        var op = await EnglishAsync();

        string badPeriod = await ManualEntryTests.PostAsync(op, "reform_inspection_coverage", "LCU", "03/2023", numerator: "1", denominator: "11");
        string future = await ManualEntryTests.PostAsync(op, "par_plan_progress", "LCU", "2200-12", numerator: "1", denominator: "2");
        string ambiguous = await ManualEntryTests.PostAsync(op, "par_plan_progress", "LCU", "2024-06", numerator: "1.200", denominator: "2");

        Assert.Contains("must read yyyy-MM (a month) or yyyy (a year)", badPeriod, StringComparison.Ordinal);
        Assert.Contains("period 12/2200 has not begun: figures are taken up to the current period", future, StringComparison.Ordinal);
        Assert.Contains("numerator: &#x27;1.200&#x27; is ambiguous", ambiguous, StringComparison.Ordinal);
        Assert.Contains("Not saved, because:", future, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa đến", future, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnglishReader_GetsAnEnglishRefusal_FromAnUpload()
    {
        var op = await EnglishAsync();

        string page = await UploadAsync(op, "kpi,unit,period,numerator,denominator\npar_plan_progress,LCU,2200-12,1,2\npar_plan_progress,LCU,2024-05,abc,2\n");

        Assert.Contains("row 2, column &#x27;period&#x27;: period 12/2200 has not begun", page, StringComparison.Ordinal);
        Assert.Contains("row 3, column &#x27;numerator&#x27;: &#x27;abc&#x27; is not a number", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheSwitch_TheSameRequestsReadVietnamese_EvenWhenTheBrowserAsksForEnglish()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        op.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        string future = await ManualEntryTests.PostAsync(op, "par_plan_progress", "LCU", "2200-12", numerator: "1", denominator: "2");
        string page = await UploadAsync(op, "kpi,unit,period,numerator,denominator\npar_plan_progress,LCU,2200-12,1,2\npar_plan_progress,LCU,2024-05,abc,2\n");

        Assert.Contains("kỳ 12/2200 chưa đến: chỉ nhận số liệu đến kỳ hiện tại", future, StringComparison.Ordinal);
        Assert.Contains("Chưa lưu, vì:", future, StringComparison.Ordinal);
        Assert.Contains("dòng 2, cột &#x27;period&#x27;: kỳ 12/2200 chưa đến", page, StringComparison.Ordinal);
        Assert.Contains("dòng 3, cột &#x27;numerator&#x27;: &#x27;abc&#x27; không phải số", page, StringComparison.Ordinal);
        Assert.DoesNotContain("has not begun", page, StringComparison.Ordinal);
    }

    // Through the language switch itself, which sets the lang cookie.
    private async Task<HttpClient> EnglishAsync()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        using var switched = await op.GetAsync(new Uri("/ngon-ngu/en", UriKind.Relative));
        return op;
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        string form = await client.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(DashboardFactory.Token(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "so-lieu.csv" },
        };
        using var response = await client.PostAsync(new Uri("/nhap-lieu?handler=Upload", UriKind.Relative), content);
        return await ManualEntryEditTests.PageAfterAsync(client, response);
    }
}
