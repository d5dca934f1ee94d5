using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Tests.Web;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KpiMonitor.Dashboard.Tests.Auth;

/// <summary>Sign-in limits through the real login form, from several client addresses.</summary>
public sealed class SignInThrottleTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Wrong = "doan-sai";

    [Fact]
    public async Task AStrangerGuessingAnAccount_DoesNotLockItsOwnerOut_FromAnotherAddress()
    {
        using var app = Limits(pair: 3, address: 100, account: 50);
        var stranger = app.From("203.0.113.7");
        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 12; i++)
        {
            codes.Add((await SignInTests.PostLoginAsync(stranger, Roles.Operator, Wrong)).StatusCode);
        }

        var owner = await SignInTests.PostLoginAsync(app.From("10.1.2.3"), Roles.Operator, DashboardFactory.Password);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 9)], codes);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task TheRefusal_IsAVietnamesePage_WithRetryAfter()
    {
        using var app = Limits(pair: 1, address: 100, account: 50);
        var client = app.From("203.0.113.8");
        await SignInTests.PostLoginAsync(client, Roles.Operator, Wrong);

        var refused = await SignInTests.PostLoginAsync(client, Roles.Operator, DashboardFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Contains("Quá nhiều lần thử; vui lòng đợi một phút.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesDifferingInCaseOrSpaces_CountAsOneAccount()
    {
        using var app = Limits(pair: 3, address: 100, account: 50);
        var client = app.From("203.0.113.9");
        var codes = new List<HttpStatusCode>();
        foreach (string name in new[] { "operator", "OPERATOR", " operator ", "Operator" })
        {
            codes.Add((await SignInTests.PostLoginAsync(client, name, Wrong)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task AnAddressPastItsLimit_IsRefusedForEveryName_EvenWithTheRightPassword()
    {
        using var app = Limits(pair: 100, address: 3, account: 100);
        var script = app.From("198.51.100.4");
        var codes = new List<HttpStatusCode>();
        foreach (string name in new[] { "viewer", "operator", "ai-do", "admin" })
        {
            codes.Add((await SignInTests.PostLoginAsync(script, name, Wrong)).StatusCode);
        }

        var right = await SignInTests.PostLoginAsync(script, Roles.Admin, DashboardFactory.Password);
        var elsewhere = await SignInTests.PostLoginAsync(app.From("198.51.100.5"), Roles.Admin, DashboardFactory.Password);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task SuccessfulSignIns_DoNotCount_AndOneClearsTheFailuresBeforeIt()
    {
        using var app = Limits(pair: 2, address: 100, account: 2);
        var office = app.From("10.9.8.7");
        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            codes.Add((await SignInTests.PostLoginAsync(office, Roles.Viewer, DashboardFactory.Password)).StatusCode);
        }

        codes.Add((await SignInTests.PostLoginAsync(office, Roles.Viewer, Wrong)).StatusCode);
        codes.Add((await SignInTests.PostLoginAsync(office, Roles.Viewer, DashboardFactory.Password)).StatusCode);
        codes.Add((await SignInTests.PostLoginAsync(office, Roles.Viewer, Wrong)).StatusCode);
        codes.Add((await SignInTests.PostLoginAsync(office, Roles.Viewer, DashboardFactory.Password)).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.Redirect], codes);
    }

    [Fact]
    public async Task GuessesFromManyAddresses_StopNewAddresses_ButNotOneTheOwnerSignedInFrom()
    {
        using var app = Limits(pair: 2, address: 100, account: 4);
        var owner = app.From("10.20.30.40");
        Assert.Equal(HttpStatusCode.Redirect, (await SignInTests.PostLoginAsync(owner, Roles.Operator, DashboardFactory.Password)).StatusCode);
        foreach (string bot in new[] { "203.0.113.21", "203.0.113.22", "203.0.113.23" })
        {
            var client = app.From(bot);
            await SignInTests.PostLoginAsync(client, Roles.Operator, Wrong);
            await SignInTests.PostLoginAsync(client, Roles.Operator, Wrong);
        }

        var fresh = await SignInTests.PostLoginAsync(app.From("203.0.113.24"), Roles.Operator, DashboardFactory.Password);
        var known = await SignInTests.PostLoginAsync(app.From("10.20.30.40"), Roles.Operator, DashboardFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
    }

    private WebApplicationFactory<AccountStore> Limits(int pair, int address, int account) => factory.WithClientAddresses(
        ("Auth:LoginAttemptsPerMinute", pair.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Auth:LoginAttemptsPerMinutePerAddress", address.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Auth:LoginFailuresPerMinutePerAccount", account.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
