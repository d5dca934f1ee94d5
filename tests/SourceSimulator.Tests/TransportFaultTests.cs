using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Tests;

/// <summary>The faults that act before a body: error500, slow, timeout; and how counts run down.</summary>
public sealed class TransportFaultTests : IAsyncLifetime
{
    private const string EOfficePage = TestSimulator.EOffice + "?period=2025-03&pageSize=10";
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Error500_AnswersInternalServerError()
    {
        await _sim.NewTokenAsync();
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.Error500, count: 1);

        using var response = await _sim.GetAsync(EOfficePage);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Error500OnTheTokenEndpoint_FailsTheTokenRequest()
    {
        _sim.State.Faults.Set(SimEndpoints.Token, FaultMode.Error500, count: 1);

        await Assert.ThrowsAsync<HttpRequestException>(_sim.NewTokenAsync);
        Assert.False(string.IsNullOrEmpty(await _sim.NewTokenAsync()));
    }

    [Fact]
    public async Task Count_DecrementsWithEachDisturbedAnswer_ThenTheFaultClearsItself()
    {
        await _sim.NewTokenAsync();
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.Error500, count: 2);

        using var first = await _sim.GetAsync(EOfficePage);
        Assert.Equal(1, Assert.Single(_sim.State.Faults.Active).Remaining);
        using var second = await _sim.GetAsync(EOfficePage);
        using var third = await _sim.GetAsync(EOfficePage);

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Empty(_sim.State.Faults.Active);
    }

    [Fact]
    public async Task FaultWithoutCount_LastsUntilCleared()
    {
        await _sim.NewTokenAsync();
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.Error500);

        for (int i = 0; i < 3; i++)
        {
            using var response = await _sim.GetAsync(EOfficePage);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        _sim.State.Faults.Clear();
        using var healed = await _sim.GetAsync(EOfficePage);
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
    }

    [Fact]
    public async Task Timeout_HoldsTheRequestUntilTheClientGivesUp_ThenServesAgain()
    {
        string token = await _sim.NewTokenAsync();
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.Timeout, count: 1);
        using var impatient = new HttpClient { BaseAddress = _sim.Host.BaseUrl, Timeout = TimeSpan.FromSeconds(1) };
        impatient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.GetAsync(new Uri(EOfficePage, UriKind.Relative)));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"gave up after {clock.Elapsed}");
        using var after = await _sim.GetAsync(EOfficePage);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Slow_DelaysTheAnswer_ThenAnswersNormally()
    {
        _sim.State.Faults.Set(SimEndpoints.Portal, FaultMode.Slow, count: 1, delayMs: 400);
        var clock = Stopwatch.StartNew();

        using var response = await _sim.GetAsync(TestSimulator.Portal + "?nam=2025&thang=3");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body.RootElement.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task UnauthenticatedRequests_DoNotUseUpAFault()
    {
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.Error500, count: 1);

        using var anonymous = await _sim.Http.GetAsync(new Uri(EOfficePage, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, Assert.Single(_sim.State.Faults.Active).Remaining);
    }
}
