using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// The first reading of the rollups held back on purpose (its series reads wait for the test to open a gate),
/// as a national store keeps it busy for about 35 s: people see its progress, machines a 503 with Retry-After.
/// </summary>
public sealed class WarmupTests : IClassFixture<DashboardFactory>, IDisposable
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplicationFactory<AccountStore> _slow;

    public WarmupTests(DashboardFactory factory)
    {
        _slow = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rollups:Warmup:Wait", "00:00:00.2");
            builder.ConfigureTestServices(services => services.AddSingleton<ITimeSeriesStore>(
                sp => new GatedSeriesStore(sp.GetRequiredService<SqliteTimeSeriesStore>(), _gate.Task)));
        });
    }

    [Fact]
    public async Task WhileTheFirstReadingRuns_PagesShowItsProgress_AndMachinesGet503WithRetryAfter()
    {
        var client = await SignedInAsync();

        using var page = await client.GetAsync(new Uri("/chi-tieu/online_dossier_rate", UriKind.Relative));
        string html = await page.Content.ReadAsStringAsync();
        using var api = await client.GetAsync(new Uri("/api/kpis/online_dossier_rate/latest", UriKind.Relative));
        using var chart = await client.GetAsync(new Uri("/bieu-do/nho/online_dossier_rate.png", UriKind.Relative));
        using var ready = await _slow.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await _slow.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"5\" />", html, StringComparison.Ordinal);
        Assert.Matches(@"đang nạp số liệu tổng hợp lần đầu: 0/\d+ chỉ tiêu", html);
        Assert.Equal(TimeSpan.FromSeconds(5), page.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"error\":\"KpiMonitor vừa khởi động", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, chart.StatusCode);
        Assert.NotNull(chart.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("Degraded", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task OnceTheFirstReadingEnds_PagesAnswer_AndTheDashboardIsReady()
    {
        var client = await SignedInAsync();
        var state = _slow.Services.GetRequiredService<WarmupState>();
        Assert.False(state.Ready);

        _gate.SetResult();
        await state.WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        using var page = await client.GetAsync(new Uri("/chi-tieu/online_dossier_rate", UriKind.Relative));
        using var ready = await _slow.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("http-equiv=\"refresh\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(state.Progress.Total, state.Progress.Read);
    }

    [Fact]
    public async Task PagesWithoutRollups_DoNotWait()
    {
        var admin = await SignedInAsync(Roles.Admin);

        using var login = await _slow.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        using var adminPage = await admin.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        using var sources = await admin.GetAsync(new Uri("/nguon-du-lieu", UriKind.Relative));
        using var sourcesCsv = await admin.GetAsync(new Uri("/nguon-du-lieu/xuat.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sources.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sourcesCsv.StatusCode);
    }

    public void Dispose()
    {
        // The gate stays shut: stopping the dashboard must stop the reads waiting on it before the files go.
        _slow.Dispose();
    }

    private Task<HttpClient> SignedInAsync(string user = Roles.Viewer) => DashboardFactory.SignInAsync(_slow, user);

    /// <summary>The real embedded store whose series reads wait for a gate: a slow store, not a fake one.</summary>
    private sealed class GatedSeriesStore(ITimeSeriesStore inner, Task gate) : ITimeSeriesStore
    {
        public Task<WriteResult> WriteAsync(IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken) =>
            inner.WriteAsync(observations, cancellationToken);

        public Task<IReadOnlyList<StoredValue>> GetLatestAsync(string kpi, DateTimeOffset asOf, IReadOnlyCollection<string>? units, CancellationToken cancellationToken) =>
            inner.GetLatestAsync(kpi, asOf, units, cancellationToken);

        public async Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to,
            PeriodGranularity granularity, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.GetSeriesAsync(kpi, units, from, to, granularity, cancellationToken);
        }

        public async Task ScanSeriesAsync(string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to, SeriesRowHandler rows,
            CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            await inner.ScanSeriesAsync(kpi, units, from, to, rows, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, long>> GetChangeVersionsAsync(CancellationToken cancellationToken) => inner.GetChangeVersionsAsync(cancellationToken);

        public Task<IReadOnlyList<SourceActivity>> GetSourceActivityAsync(CancellationToken cancellationToken) => inner.GetSourceActivityAsync(cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    }
}
