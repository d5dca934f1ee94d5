using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// Holds requests for figures while the first reading of the rollups runs: each waits up to
/// <see cref="WarmupOptions.Wait"/>, then a page is answered with 503 and re-executed as the error page, which
/// shows the progress and reloads the same address; the API gets a JSON 503, charts and exports a text one, all
/// with Retry-After. Pages open to everyone (sign-in, health) and pages marked <see cref="WithoutWarmupAttribute"/>
/// pass at once, as do writes (a manual figure is written straight to the store).
/// </summary>
public sealed class WarmupGate(RequestDelegate next, WarmupState state, IOptions<WarmupOptions> options)
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        if (state.Ready || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || endpoint.Metadata.GetMetadata<WithoutWarmupAttribute>() is not null)
        {
            await next(context);
            return;
        }

        await Task.WhenAny(state.WhenReady, Task.Delay(options.Value.Wait, context.RequestAborted));
        if (state.Ready)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        string message = Message(state, CultureInfo.CurrentCulture);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { error = message }, context.RequestAborted);
        }
        else if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null)
        {
            await context.Response.WriteAsync(message, context.RequestAborted);
        }

        // A page's 503 has no body: the status-code page re-executes it as /loi/503, which shows the progress.
    }

    /// <summary>"Đang nạp số liệu tổng hợp lần đầu: 12/26 chỉ tiêu, 14 giây." in the reader's language.</summary>
    public static string Message(WarmupState state, CultureInfo culture)
    {
        var (read, total) = state.Progress;
        return string.Format(culture, UiText.Get("warmup.progress", culture), read, total, (int)state.Elapsed.TotalSeconds);
    }
}
