using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Tests;

public sealed class AuthTests : IAsyncLifetime
{
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData(TestSimulator.EOffice + "?period=2026-02")]
    [InlineData(TestSimulator.OneStop + "?period=2026-02")]
    [InlineData(TestSimulator.Dossiers + "?period=2026-02")]
    [InlineData(TestSimulator.AntiMalware)]
    [InlineData(TestSimulator.Portal + "?nam=2026&thang=2")]
    public async Task EverySystem_WithoutCredentials_Answers401(string pathAndQuery)
    {
        using var response = await _sim.Http.GetAsync(new Uri(pathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData(TestSimulator.EOffice)]
    [InlineData(TestSimulator.OneStop)]
    [InlineData(TestSimulator.Dossiers)]
    public async Task BearerSystems_MissingOrUnknownToken_Answer401WithInvalidTokenChallenge(string path)
    {
        using var missing = await _sim.Http.GetAsync(new Uri(path + "?period=2026-02", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path + "?period=2026-02", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");
        using var unknown = await _sim.Http.SendAsync(request);

        foreach (var response in new[] { missing, unknown })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task TokenEndpoint_WrongSecret_Answers401InvalidClient_AndIssuesNothing()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = SimulatorOptions.DemoClientId, ["client_secret"] = "wrong",
        });

        using var response = await _sim.Http.PostAsync(new Uri(TestSimulator.TokenPath, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, _sim.State.Tokens.Issued);
    }

    [Fact]
    public async Task TokenFlow_IssuesBearerToken_ThatEOfficeAndOneStopAccept()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = SimulatorOptions.DemoClientId, ["client_secret"] = SimulatorOptions.DemoClientSecret,
        });
        using var response = await _sim.Http.PostAsync(new Uri(TestSimulator.TokenPath, UriKind.Relative), form);
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", token.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(300, token.RootElement.GetProperty("expires_in").GetInt32());
        string accessToken = token.RootElement.GetProperty("access_token").GetString()!;
        foreach (string path in new[] { TestSimulator.EOffice, TestSimulator.OneStop, TestSimulator.Dossiers })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path + "?period=2026-02&pageSize=5", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var answer = await _sim.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal(1, _sim.State.Tokens.Issued);
    }

    [Fact]
    public async Task TokenEndpoint_AcceptsClientCredentialsSentAsBasic()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TestSimulator.TokenPath, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SimulatorOptions.DemoClientId}:{SimulatorOptions.DemoClientSecret}")));

        using var response = await _sim.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_PastItsLifetime_IsRejectedAsExpired_AndANewOneWorks()
    {
        await _sim.NewTokenAsync();
        _sim.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var expired = await _sim.GetAsync(TestSimulator.EOffice + "?period=2026-02");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await _sim.NewTokenAsync();
        using var renewed = await _sim.GetAsync(TestSimulator.EOffice + "?period=2026-02");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenFault_RejectsNextRequestWithValidToken_AndRevokesIt_SoANewTokenIsNeeded()
    {
        await _sim.NewTokenAsync();
        _sim.State.Faults.Set(SimEndpoints.OneStopStats, FaultMode.ExpiredToken, count: 1);

        using var first = await _sim.GetAsync(TestSimulator.OneStop + "?period=2026-02");
        using var again = await _sim.GetAsync(TestSimulator.OneStop + "?period=2026-02");
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", first.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Empty(_sim.State.Faults.Active);

        await _sim.NewTokenAsync();
        using var renewed = await _sim.GetAsync(TestSimulator.OneStop + "?period=2026-02");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(2, _sim.State.Tokens.Issued);
    }

    [Fact]
    public async Task AntiMalware_WrongApiKey_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(TestSimulator.AntiMalware, UriKind.Relative));
        request.Headers.Add("X-API-Key", "not-the-key");

        using var response = await _sim.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _sim.State.Stats.Unauthorized(SimEndpoints.AntiMalware));
    }

    [Fact]
    public async Task Portal_WrongPassword_Answers401WithBasicChallenge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(TestSimulator.Portal + "?nam=2026&thang=2", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("kpimonitor:wrong")));

        using var response = await _sim.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
