using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

// Words that belong together stay on one line: header links, and a value with its unit.
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(DemoDashboardFixture fixture)
{
    // The number of lines each matching element's text is laid out on.
    // The alerts link's count badge is a box of its own size beside the word, not a line of text: its text is left out.
    private const string LinesOfEach = """
        els => els.map(e => { const tops = new Set();
                              const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                              for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                                if (n.parentElement.closest('.alert-badge')) continue;
                                const r = document.createRange(); r.selectNodeContents(n);
                                [...r.getClientRects()].filter(x => x.width > 0).forEach(x => tops.add(Math.round(x.top)));
                              }
                              return tops.size; })
        """;

    [Theory]
    [InlineData(1366)]
    [InlineData(1024)]
    public async Task Header_NeverBreaksALink_AndAt1366IsOneRow(int windowWidth)
    {
        await using var context = await fixture.NewContextAsync(signedIn: false);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(windowWidth, 768);
        // The administrator has the most links.
        await fixture.SignInAsync(page, "quantri", "QuanTri@2026");
        await Expect(page.Locator("header nav a")).ToHaveCountAsync(6);

        // The brand is two lines on purpose (name, then subtitle); each of its lines is checked alone.
        int[] lines = await page.Locator("header nav a, header .account a, header .user, header button, header .app small")
            .EvaluateAllAsync<int[]>(LinesOfEach);
        double[] navTops = await page.Locator("header nav a").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
        double[] rowTops = await page.Locator("header .app, header nav, header .account").EvaluateAllAsync<double[]>(
            "els => els.map(e => e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)");
        await DemoDashboardFixture.SaveScreenshotAsync(page, $"header-{windowWidth}");

        Assert.All(lines, n => Assert.Equal(1, n));
        Assert.Single(navTops.Distinct());
        if (windowWidth >= 1366)
        {
            // Brand, links and account share one row (their middles within a few pixels).
            Assert.True(rowTops.Max() - rowTops.Min() < 8, $"header rows at {string.Join(", ", rowTops)}");
        }
    }

    [Fact]
    public async Task Tiles_NeverBreakAValueFromItsUnit()
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/");
        var kept = page.Locator("a.tile .nowrap");
        await Expect(kept.First).ToBeVisibleAsync();

        string[] texts = [.. await kept.AllInnerTextsAsync()];
        int[] lines = await kept.EvaluateAllAsync<int[]>(LinesOfEach);

        Assert.Contains(texts, t => t.StartsWith("Mục tiêu: ", StringComparison.Ordinal) && t.EndsWith(" %", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith(" điểm %", StringComparison.Ordinal));
        Assert.All(lines, n => Assert.Equal(1, n));
    }
}
