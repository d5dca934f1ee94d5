using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// A test OpenID Connect provider on loopback, the production-shaped dashboard without SSO, and the same
/// dashboard with <c>Auth:Oidc</c> pointing at the provider (plain http, so RequireHttpsMetadata is off).
/// </summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public TestOidcProvider Provider { get; private set; } = null!;

    public DashboardFactory Plain { get; } = new();

    public WebApplicationFactory<AccountStore> Sso { get; private set; } = null!;

    /// <summary>What the sign-in events log, as the console would show it.</summary>
    public CapturingLogger<OidcSignInEvents> Log { get; } = new();

    /// <summary>Settings an operator would give for this provider; the client secret as from the environment.</summary>
    public static Dictionary<string, string> Settings(string authority) => new(StringComparer.Ordinal)
    {
        ["Auth:Oidc:Authority"] = authority,
        ["Auth:Oidc:ClientId"] = TestOidcProvider.ClientId,
        ["Auth:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        ["Auth:Oidc:RoleMap:ict-staff"] = "operator",
        ["Auth:Oidc:RoleMap:lanh-dao"] = "viewer",
        ["Auth:Oidc:RoleMap:quan-tri-he-thong"] = "admin",
    };

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        Sso = Plain.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in Settings(Provider.Issuer))
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<ILogger<OidcSignInEvents>>(Log));
        });
    }

    public OidcBrowser Browser(WebApplicationFactory<AccountStore>? factory = null) =>
        new((factory ?? Sso).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), Provider);

    public async Task DisposeAsync()
    {
        await Sso.DisposeAsync();
        await Plain.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
