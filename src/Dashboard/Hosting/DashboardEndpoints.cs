using KpiMonitor.Dashboard.Api;
using KpiMonitor.Dashboard.Exports;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Reporting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>The request pipeline and the routes that are not Razor pages.</summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var web = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value;
        var auth = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Auth.AuthOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(auth.KeyRingDirectory) && string.IsNullOrWhiteSpace(auth.KeyRingCertificatePath))
        {
            app.Logger.LogWarning("Khóa ký cookie đăng nhập lưu không mã hóa trong {Folder}: đặt Auth:KeyRingCertificatePath để mã hóa (README, mục bảo mật)", auth.KeyRingDirectory);
        }
        else if (string.IsNullOrWhiteSpace(auth.KeyRingDirectory) && string.IsNullOrWhiteSpace(auth.KeyRingCertificatePath)
            && !app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Demo.DemoOptions>>().Value.Enabled)
        {
            app.Logger.LogWarning("Khóa ký cookie đăng nhập lưu không mã hóa trong kho dữ liệu (nhật ký {Log}): đặt Auth:KeyRingCertificatePath để mã hóa (README, mục bảo mật)", Auth.StoreKeyRepository.Log);
        }

        if (web.BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        if (web.Https)
        {
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
        }

        // Before the error pages, so that they, and every text after them, speak the reader's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler("/loi");
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // The dashboard uses none of these features: a page can never be made to ask for them.
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            // Figures, exports and API answers are not kept by browsers or proxies; the style sheet, icons and charts
            // set their own caching (AssetResponse, ChartEndpoints).
            headers.CacheControl = "no-store";
            await next();
        });
        app.UseMiddleware<RequestBodyLimit>();
        // People get the friendly error page above; API callers get JSON saying what went wrong, never that page.
        app.UseMiddleware<ApiErrors>();
        app.UseMiddleware<MethodGate>();
        app.UseMiddleware<StoreOutage>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<WarmupGate>();
        app.UseAntiforgery();

        // /health: the process is alive (200 whatever the body says: store answering or not, first reading under way).
        // A store outage must not get the dashboard restarted: it keeps serving the rollups it holds meanwhile.
        // /health/ready: may a load balancer send people here (503 until the first reading of the rollups has ended;
        // a store outage after it does not count, the dashboard answering from what it read).
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = WriteHealth,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status200OK,
            },
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(WarmupHealthCheck.ReadyTag),
            ResponseWriter = WriteHealth,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapGet("/app.css", DashboardCss.Serve).AllowAnonymous();
        app.MapGet("/favicon.svg", Favicon.ServeSvg).AllowAnonymous();
        app.MapGet("/favicon.ico", Favicon.ServeIco).AllowAnonymous();
        app.MapGet("/ngon-ngu/{code}", (string code, HttpContext context) =>
        {
            context.Response.Cookies.Append(LangCookieCultureProvider.Cookie, code == "en" ? "en" : "vi",
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            // Back to the page the switch was clicked on; a Referer of another site (or "//host") goes home instead.
            string back = Uri.TryCreate(context.Request.Headers.Referer.ToString(), UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/";
            return Results.LocalRedirect(back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/");
        }).AllowAnonymous();
        // The layout's form sends its anti-forgery token: without it no other site can sign people out. The session
        // is ended on the server, so a copy of the cookie opens nothing afterwards.
        app.MapPost("/dang-xuat", async (HttpContext context, IAntiforgery antiforgery, Auth.SessionCookieEvents sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            await sessions.RevokeAsync(context.User, context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/dang-nhap");
        });
        app.MapKpiApi();
        app.MapAlertApi();
        app.MapCharts();
        app.MapExports();
        app.MapReports();
        app.MapRazorPages();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report) => context.Response.WriteAsync(
        $"{report.Status}: {string.Join("; ", report.Entries.Select(e => e.Value.Description))}");
}
