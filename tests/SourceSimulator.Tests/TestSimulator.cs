using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Testing;

namespace KpiMonitor.SourceSimulator.Tests;

/// <summary>A real simulator on a loopback port, a fake clock at 15 March 2026 10:00 (Vietnam) and a client with the demo credentials.</summary>
internal sealed class TestSimulator : IAsyncDisposable
{
    public const string TokenPath = "auth/realms/lgsp/protocol/openid-connect/token";
    public const string EOffice = "eoffice/api/v1/statistics";
    public const string OneStop = "onestop/api/statistics";
    public const string Dossiers = "onestop/api/dossiers";
    public const string AntiMalware = "antimalware/api/endpoints/summary";
    public const string Portal = "portal/api/chiso766";

    public static readonly DateTimeOffset Start = new(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(7));

    private static readonly Lazy<Catalog> Demo = new(() => CatalogLoader.Load(RepoPaths.Config));
    private string? _token;

    private TestSimulator(SimulatorHost host, ManualClock clock, TimeSpan timeout)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = timeout };
    }

    public static Catalog DemoCatalog => Demo.Value;

    public SimulatorHost Host { get; }

    public SimulatorState State => Host.State;

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    public static async Task<TestSimulator> StartAsync(int syntheticUnits = 0, int seed = 766, TimeSpan? timeout = null)
    {
        var clock = new ManualClock(Start);
        var options = new SimulatorOptions
        {
            Catalog = syntheticUnits > 0 ? null : DemoCatalog,
            SyntheticUnits = syntheticUnits,
            Seed = seed,
            Now = clock,
        };
        var host = await SimulatorHost.StartAsync(options, CancellationToken.None);
        return new TestSimulator(host, clock, timeout ?? TimeSpan.FromSeconds(60));
    }

    public async Task<string> NewTokenAsync()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SimulatorOptions.DemoClientId,
            ["client_secret"] = SimulatorOptions.DemoClientSecret,
        });
        using var response = await Http.PostAsync(new Uri(TokenPath, UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        _token = json.RootElement.GetProperty("access_token").GetString();
        return _token!;
    }

    /// <summary>A GET with the credentials the path's system wants (a cached bearer token for e-office and one-stop).</summary>
    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        if (pathAndQuery.StartsWith("eoffice", StringComparison.Ordinal) || pathAndQuery.StartsWith("onestop", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token ?? await NewTokenAsync());
        }
        else if (pathAndQuery.StartsWith("antimalware", StringComparison.Ordinal))
        {
            request.Headers.Add("X-API-Key", SimulatorOptions.DemoApiKey);
        }
        else if (pathAndQuery.StartsWith("portal", StringComparison.Ordinal))
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SimulatorOptions.DemoBasicUser}:{SimulatorOptions.DemoBasicPassword}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        return await Http.SendAsync(request, completion);
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await GetAsync(pathAndQuery);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>Walks the pages until the total is reached (or a page comes back empty) and returns every item.</summary>
    public async Task<List<JsonElement>> AllItemsAsync(string path, string query, int pageSize)
    {
        var items = new List<JsonElement>();
        for (int page = 1; page < 10_000; page++)
        {
            var root = await GetJsonAsync($"{path}?{query}&page={page}&pageSize={pageSize}");
            var pageItems = root.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(pageItems);
            if (pageItems.Count == 0 || items.Count >= root.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        return items;
    }

    /// <summary>The truth of a system over HTTP (control API), as its list of items.</summary>
    public async Task<List<JsonElement>> TruthAsync(string system, string period)
    {
        var root = await GetJsonAsync($"_control/truth/{system}?period={period}");
        return root.GetProperty(system == "portal" ? "data" : "items").EnumerateArray().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
