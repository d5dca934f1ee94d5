using KpiMonitor.Dashboard.Alerting;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Dashboard.Demo;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Reporting;
using KpiMonitor.Dashboard.Rollups;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Logging;
using KpiMonitor.Logging.Telemetry;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Hosting;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serilog;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>Everything the dashboard needs; in demo mode also the simulated sources and the collector (ADR 006).</summary>
public static class DashboardServiceCollectionExtensions
{
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
        services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<WebOptions>>((o, web) => o.HttpsPort = web.Value.HttpsPort);
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<WebOptions>>((o, options) =>
        {
            var web = options.Value;
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

        services.AddDashboardLocalization();
        services.AddKpiCatalog(configuration);
        services.AddTimeSeriesStore(configuration);
        services.AddKpiMonitorTelemetry(configuration, "kpimonitor-dashboard");
        services.AddOptionsWithValidateOnStart<RollupCacheOptions>().Bind(configuration.GetSection(RollupCacheOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<RollupCache>();
        services.AddSingleton(sp => new KpiReader(sp.GetRequiredService<ITimeSeriesStore>(), sp.GetRequiredService<Catalog>(), sp.GetRequiredService<RollupCache>()));
        services.AddHostedService<RollupWarmup>();
        services.AddSingleton<WarmupState>();
        services.AddOptionsWithValidateOnStart<WarmupOptions>().Bind(configuration.GetSection(WarmupOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<KpiAssessor>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<UnitChoices>();
        services.AddSingleton<TrendQuery>();
        services.AddOptionsWithValidateOnStart<ChartCacheOptions>().Bind(configuration.GetSection(ChartCacheOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<ChartCache>();
        services.AddSingleton<ChildRanking>();
        services.TryAddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<UserAccount>, Microsoft.AspNetCore.Identity.PasswordHasher<UserAccount>>();
        services.AddSingleton<AccountStore>();
        services.TryAddSingleton<ISessionRevocations, StoreSessionRevocations>();
        services.AddSingleton<SessionCookieEvents>();
        services.AddOptionsWithValidateOnStart<KpiMonitor.Dashboard.ManualEntry.ManualEntryOptions>()
            .Bind(configuration.GetSection(KpiMonitor.Dashboard.ManualEntry.ManualEntryOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<KpiMonitor.Dashboard.ManualEntry.AuditLog>();
        services.AddHostedService<KpiMonitor.Dashboard.ManualEntry.AuditFileImport>();
        services.AddSingleton<KpiMonitor.Dashboard.ManualEntry.ManualEntryService>();
        services.AddSingleton<KpiMonitor.Dashboard.ManualEntry.CurrentFigures>();
        if (demo)
        {
            services.AddDemo(configuration);
        }

        services.AddConfiguredSources();
        services.AddAlertReading(configuration);
        services.AddReportPage();

        // The largest import file and its form (RequestBodyLimit answers 413 past it, naming the limit).
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = RequestBodyLimit.MaxBytes);

        // Sign-in cookies, form tokens and the "saved" note are protected by this key ring. It lives in the shared store,
        // so every replica reads the same keys and a restart or a recreated container signs no one out (ADR 016); a
        // folder (Auth:KeyRingDirectory) replaces the store when set. The application name is fixed: replicas in other
        // folders must use the same keys for the same purposes.
        // The folder and the certificate are settings read when the options are first built; the certificate file
        // itself is loaded at start (KeyRingCertificate, resolved with the other start-up checks), not while registering.
        services.AddDataProtection().SetApplicationName("KpiMonitor.Dashboard");
        services.AddSingleton<KeyRingCertificate>().ResolveOnStart<KeyRingCertificate>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IOptions<AuthOptions>, KeyRingCertificate, ILoggerFactory, IEventLog, TimeProvider>((keys, auth, certificate, loggers, events, time) =>
            {
                keys.XmlRepository = string.IsNullOrWhiteSpace(auth.Value.KeyRingDirectory)
                    ? new StoreKeyRepository(events, time)
                    : new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(new DirectoryInfo(auth.Value.KeyRingDirectory), loggers);

                if (certificate.Certificate is { } x509)
                {
                    keys.XmlEncryptor = new KeyRingCertificateEncryptor(x509, loggers);
                }
            });

        bool sso = OidcAuthentication.IsEnabled(configuration);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "cookie-or-key";
                o.DefaultChallengeScheme = "cookie-or-key";
            })
            // The key authenticates the JSON API only; pages, charts and exports always go by the sign-in cookie.
            .AddPolicyScheme("cookie-or-key", "cookie-or-key", o => o.ForwardDefaultSelector = context =>
                ApiKeyHandler.Covers(context.Request) && context.Request.Headers.ContainsKey(ApiKeyHandler.Header)
                    ? ApiKeyHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
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
                o.ExpireTimeSpan = SessionCookieEvents.Lifetime;
                o.SlidingExpiration = true;
                // Session ids checked on every request against the sessions ended by signing out.
                o.EventsType = typeof(SessionCookieEvents);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddOptionalOpenIdConnect(configuration);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        // Failed sign-ins per address, per account and per both, counted in the login page (SignInThrottle).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ApiKeyThrottle>();
        // Vietnamese is written as UTF-8 text, not as &#x…; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("kho-du-lieu").AddCheck<WarmupHealthCheck>("nap-san", tags: [WarmupHealthCheck.ReadyTag]);
        return builder;
    }
}
