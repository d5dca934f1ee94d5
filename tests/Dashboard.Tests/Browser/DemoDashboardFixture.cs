using System.Diagnostics;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Testing;
using Microsoft.Playwright;

namespace KpiMonitor.Dashboard.Tests.Browser;

/// <summary>
/// The demo dashboard process and the Debian Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, shared by the
/// browser tests. A lock file keeps other test runs' demos (the simulator's port 5090) away until this one is gone.
/// </summary>
public sealed class DemoDashboardFixture : IAsyncLifetime
{
    public const string User = "lanhdao";
    public const string Password = "LanhDao@2026";
    public const string ChromiumPath = "/usr/bin/chromium";

    static DemoDashboardFixture() =>
        // Playwright's 5 s for an expectation is short for a first, cold page on a loaded 2-core machine.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);

    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), $"kpimonitor-demo-{DemoDashboardProcess.SimulatorPort}.lock");
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    private FileStream? _lock;
    private DemoDashboardProcess? _dashboard;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _signedIn;

    /// <summary>The repository's <c>config/</c>, which the demo runs on: what the pages must show.</summary>
    public Catalog Catalog { get; } = CatalogLoader.Load(RepoPaths.Config);

    public DemoDashboardProcess Dashboard => _dashboard ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where screenshots go; kept after the run for people to look at.</summary>
    public static string ArtefactFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artefacts", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: run scripts/test.sh (it installs the Debian package 'chromium') or 'apt-get install -y chromium'.");
        }

        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Uri Url(string pathAndQuery) => new(Dashboard.BaseUrl, pathAndQuery);

    /// <summary>A fresh browser context (its own cookies), in Vietnamese time and locale, at an office laptop's size.</summary>
    public Task<IBrowserContext> NewContextAsync(bool signedIn) =>
        (_browser ?? throw new InvalidOperationException("Not started.")).NewContextAsync(new()
        {
            BaseURL = Dashboard.BaseUrl.ToString(),
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new() { Width = 1366, Height = 768 },
            AcceptDownloads = true,
            StorageState = signedIn ? _signedIn ?? throw new InvalidOperationException("Not signed in.") : null,
        });

    /// <summary>Fills and sends the login form as a person would.</summary>
    public async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync(Url("/dang-nhap").ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
    }

    /// <summary>Saves a full-page screenshot once every image (lazy ones too) has loaded; returns the file.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("""
            async () => {
              const images = [...document.images];
              images.forEach(i => i.loading = 'eager');
              await Promise.all(images.map(i => i.complete ? null : new Promise(r => { i.addEventListener('load', r); i.addEventListener('error', r); })));
            }
            """);
        string path = Path.Combine(ArtefactFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
            _dashboard = null;
        }

        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }
    }

    private async Task StartAsync()
    {
        _lock = await TakeLockAsync();
        _dashboard = await DemoDashboardProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking flags Chromium tries to reach the internet, which is refused here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // Sign in once through the form; the tests that are not about signing in start from its cookie.
        await using var context = await NewContextAsync(signedIn: false);
        var page = await context.NewPageAsync();
        await SignInAsync(page, User, Password);
        await Assertions.Expect(page).ToHaveURLAsync(Url("/").ToString());
        _signedIn = await context.StorageStateAsync();
        Directory.CreateDirectory(ArtefactFolder);
    }

    /// <summary>An exclusive lock on a file in /tmp, held while the demo runs; other test runs wait for it.</summary>
    private static async Task<FileStream> TakeLockAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex)
            {
                if (clock.Elapsed > LockTimeout)
                {
                    throw new TimeoutException(
                        $"Another test run has held {LockPath} (its demo dashboard and port {DemoDashboardProcess.SimulatorPort}) for {LockTimeout.TotalMinutes} minutes.", ex);
                }

                await Task.Delay(500);
            }
        }
    }
}
