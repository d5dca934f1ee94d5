using Microsoft.AspNetCore.Diagnostics;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// Answers every refused or failed <c>/api</c> request with JSON <c>{ "error": … }</c> in Vietnamese, so an
/// integration never receives the people's HTML error page: a 401 says whether the key was missing or wrong, a
/// parameter that does not bind is a 400, and an exception is logged and answered 500. Bodies the API wrote itself
/// (a 400 naming its parameter) pass untouched. An error answer keeps the headers of the answer (security headers,
/// Cache-Control, Allow, WWW-Authenticate, Retry-After); after an exception, what the endpoint had set is dropped and
/// the headers set before it ran are put back. No answer repeats what the caller sent (the path of a 404).
/// </summary>
public sealed class ApiErrors(RequestDelegate next, ILogger<ApiErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        // The status-code pages would turn an empty API error into the HTML page.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        var before = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        bool failed = false;
        int status;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            status = ex.StatusCode;
            failed = true;
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Lỗi khi trả lời API {Path}", context.Request.Path);
            status = StatusCodes.Status500InternalServerError;
            failed = true;
        }

        if (status >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null or 0)
        {
            if (failed)
            {
                context.Response.Clear();
                foreach (var (name, value) in before)
                {
                    context.Response.Headers[name] = value;
                }
            }

            context.Response.Headers.ContentLength = null;
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = Message(context, status) });
        }
    }

    private static string Message(HttpContext context, int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Yêu cầu không hợp lệ: có tham số không đọc được (months là số nguyên, asOf là ngày yyyy-MM-dd).",
        StatusCodes.Status401Unauthorized => context.Request.Headers.ContainsKey(Auth.ApiKeyHandler.Header)
            ? $"Khóa API trong tiêu đề {Auth.ApiKeyHandler.Header} không đúng."
            : $"Cần đăng nhập, hoặc gửi khóa API trong tiêu đề {Auth.ApiKeyHandler.Header}.",
        StatusCodes.Status403Forbidden => "Tài khoản này không có quyền dùng địa chỉ API này.",
        StatusCodes.Status404NotFound => "Không có địa chỉ API này; xem danh sách trong README.",
        StatusCodes.Status500InternalServerError => "Máy chủ gặp lỗi khi trả lời; lỗi đã được ghi vào nhật ký của dashboard.",
        StatusCodes.Status503ServiceUnavailable when StoreOutage.Happened(context) =>
            "Kho số liệu không trả lời nên chưa đọc được số liệu; số liệu đã thu thập không mất. Thử lại sau ít phút (Retry-After).",
        _ => $"Lỗi HTTP {status}.",
    };
}
