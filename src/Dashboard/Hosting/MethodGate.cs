namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// The dashboard answers GET, HEAD and POST only: any other method (TRACE, PUT, DELETE, OPTIONS, a made-up one) is a
/// 405 naming the allowed ones, for every page, export and API address, before a page could run without a handler.
/// </summary>
public sealed class MethodGate(RequestDelegate next)
{
    /// <summary>The value of the <c>Allow</c> header.</summary>
    public const string Allowed = "GET, HEAD, POST";

    public Task InvokeAsync(HttpContext context)
    {
        string method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = Allowed;
        return Task.CompletedTask;
    }
}
