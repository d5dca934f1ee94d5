using System.Threading.RateLimiting;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Dashboard.Demo;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.SourceSimulator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using KpiMonitor.Shared.Logging;
using Serilog;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>Everything the dashboard needs; in demo mode also the simulated sources and the collector (ADR 006).</summary>
public static class DashboardServiceCollectionExtensions
{
    public const string LoginLimiter = "dang-nhap";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // No "Server: Kestrel" on answers: nothing to tell a scanner.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var configuration = builder.Configuration;
        services.AddSerilog((_, log) => log.Configure(configuration));
        services.AddOptionsWithValidateOnStart<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<WebOptions>, WebOptionsValidator>();
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        services.AddHttpsRedirection(o => o.HttpsPort = web.HttpsPort);
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // Only the proxies named in Web: believed; ASP.NET's default (loopback) is dropped.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (string proxy in web.KnownProxies)
            {
                if (System.Net.IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }

            foreach (string network in web.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    o.KnownIPNetworks.Add(parsed);
                }
            }
        });
        services.AddOptionsWithValidateOnStart<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        bool demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>()?.Enabled ?? true;

        services.AddKpiCatalog(configuration);
        services.AddTimeSeriesStore(configuration);
        services.AddOptionsWithValidateOnStart<RollupCacheOptions>().Bind(configuration.GetSection(RollupCacheOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<RollupCache>();
        services.AddSingleton(sp => new KpiReader(sp.GetRequiredService<ITimeSeriesStore>(), sp.GetRequiredService<Catalog>(), sp.GetRequiredService<RollupCache>()));
        services.AddHostedService<RollupWarmup>();
        services.AddSingleton<WarmupState>();
        services.AddOptionsWithValidateOnStart<WarmupOptions>().Bind(configuration.GetSection(WarmupOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<UnitChoices>();
        services.AddSingleton<TrendQuery>();
        services.AddOptionsWithValidateOnStart<ChartCacheOptions>().Bind(configuration.GetSection(ChartCacheOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<ChartCache>();
        services.AddSingleton<ChildRanking>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<KpiMonitor.Dashboard.ManualEntry.AuditLog>();
        services.AddSingleton<KpiMonitor.Dashboard.ManualEntry.ManualEntryService>();
        services.AddSingleton<KpiMonitor.Dashboard.ManualEntry.CurrentFigures>();
        if (demo)
        {
            // The simulator's demo credentials, as a real deployment would set them in its environment.
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["KPIMONITOR_EOFFICE_SECRET"] = SimulatorOptions.DemoClientSecret,
                ["KPIMONITOR_ONESTOP_SECRET"] = SimulatorOptions.DemoClientSecret,
                ["KPIMONITOR_ANTIMALWARE_KEY"] = SimulatorOptions.DemoApiKey,
                ["KPIMONITOR_PORTAL_PASSWORD"] = SimulatorOptions.DemoBasicPassword,
            });
            services.AddSingleton<DemoSimulatorService>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoSimulatorService>());
            services.AddCollector(configuration, scheduled: true);
            services.AddHostedService<DemoHistoryService>();
        }

        services.AddConfiguredSources();

        // Sign-in cookies, form tokens and the "saved" note are protected by this key ring; kept in a folder, they
        // outlive a restart or a recreated container instead of signing everyone out.
        var dataProtection = services.AddDataProtection().SetApplicationName("KpiMonitor.Dashboard");
        if (configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.KeyRingDirectory)}"] is { } keyRing && !string.IsNullOrWhiteSpace(keyRing))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        }

        if (configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.KeyRingCertificatePath)}"] is { } certificatePath && !string.IsNullOrWhiteSpace(certificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(KeyRingCertificate(certificatePath,
                configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.KeyRingCertificatePassword)}"]));
        }

        bool sso = OidcAuthentication.IsEnabled(configuration);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "cookie-or-key";
                o.DefaultChallengeScheme = "cookie-or-key";
            })
            .AddPolicyScheme("cookie-or-key", "cookie-or-key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKeyHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/dang-nhap";
                o.LogoutPath = "/dang-xuat";
                o.AccessDeniedPath = "/khong-co-quyen";
                o.Cookie.Name = "kpimonitor";
                o.Cookie.HttpOnly = true;
                // Coming back from the SSO provider is a cross-site navigation, and browsers withhold Strict cookies
                // for its whole redirect chain: the first page would look signed out. Lax still keeps the cookie off
                // cross-site POSTs and requests from other sites' pages, and Razor forms check an anti-forgery token (ADR 007).
                o.Cookie.SameSite = sso ? SameSiteMode.Lax : SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddOptionalOpenIdConnect(configuration);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        // Per account name in the login page (SignInThrottle); per address here, before the form is even read.
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only sign-in attempts count; showing the form is free.
            o.AddPolicy(LoginLimiter, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "?",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.LoginAttemptsPerMinutePerAddress,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("xem"));
        });
        // Vietnamese is written as UTF-8 text, not as &#x…; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o => o.Conventions.AddPageApplicationModelConvention("/Login",
            page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(LoginLimiter))));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("kho-du-lieu").AddCheck<WarmupHealthCheck>("nap-san", tags: [WarmupHealthCheck.ReadyTag]);
        return builder;
    }

    /// <summary>The certificate of Auth:KeyRingCertificatePath, with its private key, or a start-up error naming the setting.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2 KeyRingCertificate(string path, string? password)
    {
        const string setting = "Auth:KeyRingCertificatePath";
        if (!File.Exists(path))
        {
            throw new KpiMonitor.Shared.Hosting.StartupException($"{setting}: không có tệp chứng thư '{path}' (tệp .pfx có khóa riêng, xem README, mục bảo mật).");
        }

        try
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (!certificate.HasPrivateKey)
            {
                throw new KpiMonitor.Shared.Hosting.StartupException($"{setting}: chứng thư '{path}' không có khóa riêng; cần tệp .pfx có khóa riêng.");
            }

            return certificate;
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new KpiMonitor.Shared.Hosting.StartupException(
                $"{setting}: không đọc được chứng thư '{path}' (sai mật khẩu Auth:KeyRingCertificatePassword hoặc không phải tệp .pfx): {ex.Message}", ex);
        }
    }

    /// <summary>API callers get a status code, people get the login page.</summary>
    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // Path and query only: the absolute address ASP.NET builds names the request's Host header, which the caller
        // chooses (Host: evil.example would send the browser there).
        string target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
