using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class ManualEntryTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Viewer_IsRefusedWith403_OperatorSeesTheFormOfManualKpis()
    {
        var viewer = await factory.SignedInAsync(Roles.Viewer);
        var refused = await viewer.GetAsync(new Uri("/nhap-lieu", UriKind.Relative));
        var op = await factory.SignedInAsync(Roles.Operator);
        string form = await op.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/khong-co-quyen", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var denied = await viewer.GetAsync(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        string deniedPage = await denied.Content.ReadAsStringAsync();
        Assert.Contains("không có quyền", deniedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa được cấp vai trò", deniedPage, StringComparison.Ordinal);
        Assert.Contains("Tiến độ thực hiện kế hoạch CCHC", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Tỷ lệ hồ sơ nộp trực tuyến", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnteredFigure_IsStoredForItsPeriod_AndTheAuditTrailKeepsOldAndNew()
    {
        var op = await factory.SignedInAsync(Roles.Operator);

        string first = await PostAsync(op, "par_plan_progress", "LCU", "2024-06", numerator: "16", denominator: "37");
        string second = await PostAsync(op, "par_plan_progress", "LCU", "2024-06", numerator: "20", denominator: "37");

        Assert.Contains("Đã lưu", first, StringComparison.Ordinal);
        Assert.Contains("Đã lưu", second, StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var june = VietnamTime.StartOf(new DateOnly(2024, 6, 1));
        var stored = Assert.Single(await store.GetLatestAsync("par_plan_progress", june.AddDays(1), ["LCU"], CancellationToken.None));
        Assert.Equal((june, 20.0, 37.0, "manual"), (stored.Time, stored.Numerator!.Value, stored.Denominator!.Value, stored.Source!));
        Assert.Contains("43,2 % (16/37)", second, StringComparison.Ordinal);
        Assert.Contains("54,1 % (20/37)", second, StringComparison.Ordinal);
        Assert.Contains(">operator<", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadFigure_IsRefusedWithTheReason_AndNothingIsStored()
    {
        var op = await factory.SignedInAsync(Roles.Operator);

        string page = await PostAsync(op, "reform_inspection_coverage", "LCU", "2023-03", numerator: "12", denominator: "11");
        string badPeriod = await PostAsync(op, "reform_inspection_coverage", "LCU", "03/2023", numerator: "1", denominator: "11");
        string yearOne = await PostAsync(op, "reform_inspection_coverage", "LCU", "0001-03", numerator: "1", denominator: "11");

        Assert.Contains("lớn hơn mẫu số", page, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM", badPeriod, StringComparison.Ordinal);
        Assert.Contains("năm từ 1970 đến 2200", yearOne, StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var march = VietnamTime.StartOf(new DateOnly(2023, 3, 1));
        Assert.DoesNotContain(await store.GetLatestAsync("reform_inspection_coverage", march.AddDays(40), ["LCU"], CancellationToken.None), v => v.Time == march);
    }

    [Fact]
    public async Task AFigureOfASystemReportedKpi_IsRefused_EvenWhenPostedByHand()
    {
        var op = await factory.SignedInAsync(Roles.Operator);

        string page = await PostAsync(op, "online_dossier_rate", "LCU", "2023-05", numerator: "5", denominator: "10");

        Assert.Contains("do hệ thống nguồn gửi số liệu, không nhập tay", page, StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var may = VietnamTime.StartOf(new DateOnly(2023, 5, 1));
        Assert.DoesNotContain(await store.GetLatestAsync("online_dossier_rate", may.AddDays(40), ["LCU"], CancellationToken.None), v => v.Time == may);
    }

    [Fact]
    public async Task TypedNumbers_FollowTheImportRules_ThousandsDotsAccepted_AnAmbiguousDotRefused()
    {
        var op = await factory.SignedInAsync(Roles.Operator);

        string ambiguous = await PostAsync(op, "par_plan_progress", "LCU.S.SNV", "2021-03", numerator: "1.200", denominator: "2.000");
        string grouped = await PostAsync(op, "par_plan_progress", "LCU.S.SNV", "2021-04", numerator: "1.200.000", denominator: "2.000.000");

        Assert.Contains("tử số: &#x27;1.200&#x27; không rõ nghĩa", ambiguous, StringComparison.Ordinal);
        Assert.Contains("Đã lưu", grouped, StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var march = VietnamTime.StartOf(new DateOnly(2021, 3, 1));
        var april = VietnamTime.StartOf(new DateOnly(2021, 4, 1));
        Assert.DoesNotContain(await store.GetLatestAsync("par_plan_progress", march.AddDays(1), ["LCU.S.SNV"], CancellationToken.None), v => v.Time == march);
        var stored = Assert.Single(await store.GetLatestAsync("par_plan_progress", april.AddDays(1), ["LCU.S.SNV"], CancellationToken.None));
        Assert.Equal((1_200_000.0, 2_000_000.0), (stored.Numerator!.Value, stored.Denominator!.Value));
    }

    [Fact]
    public async Task AFileWithASystemReportedKpi_IsRefused_AndNothingOfItIsStored()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        string form = await op.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));
        const string csv = "Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị,Tử số,Mẫu số,Ghi chú\npar_plan_progress,LCU,07/2022,,3,10,\nonline_dossier_rate,LCU,07/2022,,5,10,\n";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(DashboardFactory.Token(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "lan-lon.csv" },
        };

        string page = await (await op.PostAsync(new Uri("/nhap-lieu?handler=Upload", UriKind.Relative), content)).Content.ReadAsStringAsync();

        Assert.Contains("chỉ tiêu &#x27;online_dossier_rate&#x27; do hệ thống nguồn gửi số liệu", page, StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var july = VietnamTime.StartOf(new DateOnly(2022, 7, 1));
        Assert.DoesNotContain(await store.GetLatestAsync("par_plan_progress", july.AddDays(1), ["LCU"], CancellationToken.None), v => v.Time == july);
        Assert.DoesNotContain(await store.GetLatestAsync("online_dossier_rate", july.AddDays(1), ["LCU"], CancellationToken.None), v => v.Time == july);
    }

    [Fact]
    public async Task TheSampleCsv_UploadsThroughTheCollectorsImportRules()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        string form = await op.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(DashboardFactory.Token(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Config, "samples", "manual-figures.csv"))), "file", "manual-figures.csv" },
        };

        using var response = await op.PostAsync(new Uri("/nhap-lieu?handler=Upload", UriKind.Relative), content);
        string page = await op.GetStringAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Đã lưu", page, StringComparison.Ordinal);
        Assert.Contains("tệp manual-figures.csv", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFigureForAPeriodNotYetBegun_IsRefused_ByTheFormAndByAFile_AndNothingIsStored()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        var now = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        string next = now.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        string typed = await PostAsync(op, "par_plan_progress", "LCU", "2200-12", numerator: "1", denominator: "2");
        string nextMonth = await PostAsync(op, "par_plan_progress", "LCU", next, numerator: "1", denominator: "2");
        string form = await op.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(DashboardFactory.Token(form)), "__RequestVerificationToken" },
            { new ByteArrayContent("kpi,unit,period,numerator,denominator\npar_plan_progress,LCU,2200-12,1,2\n"u8.ToArray()), "file", "tuong-lai.csv" },
        };
        string uploaded = await (await op.PostAsync(new Uri("/nhap-lieu?handler=Upload", UriKind.Relative), content)).Content.ReadAsStringAsync();

        Assert.Contains("kỳ 12/2200 chưa đến: chỉ nhận số liệu đến kỳ hiện tại", typed, StringComparison.Ordinal);
        Assert.Contains("chưa đến: chỉ nhận số liệu đến kỳ hiện tại", nextMonth, StringComparison.Ordinal);
        Assert.Contains("kỳ 12/2200 chưa đến", uploaded, StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var far = VietnamTime.StartOf(new DateOnly(2200, 12, 1));
        var stored = await store.GetLatestAsync("par_plan_progress", far.AddDays(1), ["LCU"], CancellationToken.None);
        Assert.DoesNotContain(stored, v => v.Time > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task TheAuditTrail_KeepsAnUploadedFileName_WithoutControlCharacters_AndCut()
    {
        var op = await factory.SignedInAsync(Roles.Operator);
        string form = await op.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));
        string name = "bao-cao\t\u202Egpj.\u0007" + new string('x', 500) + ".csv";
        var file = new ByteArrayContent("kpi,unit,period,numerator,denominator\npar_plan_progress,LCU,2019-02,1,2\n"u8.ToArray());
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = name };
        using var content = new MultipartFormDataContent { { new StringContent(DashboardFactory.Token(form)), "__RequestVerificationToken" } };
        content.Add(file);

        using var response = await op.PostAsync(new Uri("/nhap-lieu?handler=Upload", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = factory.Services.GetRequiredService<KpiMonitor.Dashboard.ManualEntry.AuditLog>();
        var entry = (await audit.RecentAsync(50, CancellationToken.None)).First(e => e.Via.StartsWith("tệp bao-cao", StringComparison.Ordinal));
        Assert.Equal("tệp bao-caogpj." + new string('x', 100 - "bao-caogpj.".Length) + "…", entry.Via);
    }

    internal static async Task<string> PostAsync(HttpClient client, string kpi, string unit, string period, string numerator = "", string denominator = "", string value = "")
    {
        string form = await client.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/nhap-lieu?handler=Enter", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kpi"] = kpi, ["unit"] = unit, ["period"] = period, ["numerator"] = numerator, ["denominator"] = denominator, ["value"] = value,
            ["__RequestVerificationToken"] = DashboardFactory.Token(form),
        }));
        return await ManualEntryEditTests.PageAfterAsync(client, response);
    }
}
