using KpiMonitor.Dashboard.Api;
using KpiMonitor.Dashboard.Exports;
using KpiMonitor.Dashboard.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>The request pipeline and the routes that are not Razor pages.</summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseExceptionHandler("/loi");
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = (context, report) => context.Response.WriteAsync(
                $"{report.Status}: {string.Join("; ", report.Entries.Select(e => e.Value.Description))}"),
        }).AllowAnonymous();
        app.MapGet("/app.css", () => Results.Text(DashboardCss.Text, "text/css")).AllowAnonymous();
        app.MapGet("/ngon-ngu/{code}", (string code, HttpContext context) =>
        {
            context.Response.Cookies.Append(Lang.Cookie, code == "en" ? "en" : "vi",
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            string back = context.Request.Headers.Referer.ToString();
            return Results.LocalRedirect(Uri.TryCreate(back, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/");
        }).AllowAnonymous();
        app.MapPost("/dang-xuat", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/dang-nhap");
        });
        app.MapKpiApi();
        app.MapCharts();
        app.MapExports();
        app.MapRazorPages();
        return app;
    }
}
