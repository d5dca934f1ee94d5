using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

/// <summary>The demo's own alerting service fires alerts from the simulated figures; an operator acknowledges one in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertsPageBrowserTests(DemoDashboardFixture fixture)
{
    private const string Note = "Đã liên hệ xã, bổ sung hồ sơ trong tuần";

    [Fact]
    public async Task AnOperator_AcknowledgesAFiringAlertWithANote_AndTheAlertingServiceAppliesIt()
    {
        using var api = new HttpClient { BaseAddress = fixture.Dashboard.BaseUrl };
        api.DefaultRequestHeaders.Add("X-API-Key", fixture.Dashboard.ApiKey);
        await WaitAsync(async () => (await OpenAsync(api)).Any(a => a.GetProperty("phase").GetString() == "firing"), "a firing alert in the demo");

        await using var context = await fixture.NewContextAsync(signedIn: false);
        var page = await context.NewPageAsync();
        await fixture.SignInAsync(page, "canbo", "CanBo@2026");
        await page.GotoAsync("/canh-bao");
        await Expect(page.Locator("header .alert-badge.firing")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cảnh báo", Exact = true })).ToBeVisibleAsync();
        await DemoDashboardFixture.SaveScreenshotAsync(page, "alerts-firing");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoDashboardFixture.ArtefactFolder, "alerts-firing-screen.png") });
        var row = page.Locator("table.alerts tbody tr[data-phase=firing]").Filter(new() { Has = page.GetByText("Tiếp nhận", new() { Exact = true }) }).First;
        string id = (await row.GetAttributeAsync("data-alert"))!;

        await row.GetByText("Tiếp nhận", new() { Exact = true }).ClickAsync();
        var form = row.Locator("form[action*=Acknowledge]");
        await form.GetByLabel("Ghi chú").FillAsync(Note);
        await form.GetByRole(AriaRole.Button, new() { Name = "Xác nhận tiếp nhận" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("sẽ có hiệu lực ở lần đánh giá tới");
        var acknowledged = page.Locator($"tr[data-alert=\"{id}\"]");
        await Expect(acknowledged).ToContainTextAsync(Note);
        await Expect(acknowledged).ToContainTextAsync("canbo");
        await DemoDashboardFixture.SaveScreenshotAsync(page, "alerts-acknowledged");
        await acknowledged.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoDashboardFixture.ArtefactFolder, "alerts-acknowledged-screen.png") });

        // Stored in the alert-actions log (the API reads it back), then applied by the alerting service at its next evaluation.
        await WaitAsync(async () => (await OpenAsync(api)).Any(a => a.GetProperty("id").GetString() == id
            && a.GetProperty("acknowledged") is { ValueKind: JsonValueKind.Object } ack
            && ack.GetProperty("by").GetString() == "canbo" && ack.GetProperty("note").GetString() == Note), "the service to apply the acknowledgement");
        await page.ReloadAsync();
        await Expect(acknowledged).ToContainTextAsync("Đã tiếp nhận");
        // config/alerts.json's mail channel has no server here: the demo keeps running and says so on the page.
        // Newest first, and which recipient failed last depends on timing: look for this one among them.
        await Expect(page.Locator(".delivery-failures li[data-channel=email]", new() { HasText = "Văn phòng UBND tỉnh" }).First).ToContainTextAsync("Văn phòng UBND tỉnh");
        await page.GotoAsync("/canh-bao?tab=history");
        await Expect(page.Locator($"tr[data-alert=\"{id}\"][data-kind=Acknowledged]")).ToContainTextAsync(Note);
        await DemoDashboardFixture.SaveScreenshotAsync(page, "alerts-history");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoDashboardFixture.ArtefactFolder, "alerts-history-screen.png") });
    }

    [Fact]
    public async Task AViewer_SeesAlertsWithoutButtons()
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/canh-bao?tab=pending");

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Cảnh báo" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Tiếp nhận", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Tắt thông báo", new() { Exact = true })).ToHaveCountAsync(0);
    }

    private static async Task<List<JsonElement>> OpenAsync(HttpClient api) =>
        [.. (await api.GetFromJsonAsync<JsonElement>(new Uri("/api/alerts", UriKind.Relative))).GetProperty("alerts").EnumerateArray()];

    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Waited 120 s for {what}. Dashboard output:\n{fixture.Dashboard.Output()}");
            }

            await Task.Delay(1000);
        }
    }
}
