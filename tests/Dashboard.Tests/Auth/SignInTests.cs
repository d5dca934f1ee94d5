using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Auth;

/// <summary>The login form through real HTTP: what a name that does not exist costs, and how names are matched.</summary>
public sealed class SignInTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task UnknownName_CostsAPasswordHashCheck_LikeAKnownNameWithAWrongPassword()
    {
        var hasher = new CountingHasher();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<UserAccount>>(hasher)));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await PostLoginAsync(client, "khong-ton-tai", "sai-mat-khau");
        int unknown = hasher.Verifications;
        await PostLoginAsync(client, Roles.Viewer, "sai-mat-khau");
        int known = hasher.Verifications - unknown;

        Assert.Equal(1, unknown);
        Assert.Equal(1, known);
    }

    [Theory]
    [InlineData("VIEWER")]
    [InlineData(" viewer ")]
    [InlineData("Viewer")]
    public async Task Name_IsMatchedWhateverItsCaseAndSurroundingSpaces(string typed)
    {
        var response = await PostLoginAsync(factory.Anonymous(), typed, DashboardFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    internal static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password)
    {
        string form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        return await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = password, ["__RequestVerificationToken"] = DashboardFactory.Token(form),
        }));
    }

    private sealed class CountingHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
