using System.Globalization;
using KpiMonitor.Dashboard.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>The friendly page shown for errors and unknown addresses; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(WarmupState warmup) : PageModel
{
    public bool IsNotFound { get; private set; }

    /// <summary>Sign-in attempts beyond <c>Auth:LoginAttemptsPerMinute</c> (429): the person waits, nothing went wrong.</summary>
    public bool IsThrottled { get; private set; }

    /// <summary>A 503 from <see cref="WarmupGate"/>: the figures are still being read for the first time.</summary>
    public bool IsWarming { get; private set; }

    /// <summary>A 503 from <see cref="StoreOutage"/>: the store did not answer this request.</summary>
    public bool IsStoreDown { get; private set; }

    /// <summary>The first reading's progress, for a page that reloads itself until it ends.</summary>
    public string WarmupProgress(CultureInfo culture) => WarmupGate.Message(warmup, culture);

    public void OnGet(int? code) => Handle(code);

    public void OnPost(int? code) => Handle(code);

    private void Handle(int? code)
    {
        // /loi/{code} is an address anyone can type: only a known 4xx/5xx code is reflected, so no
        // request can make the server send a success, a redirect or an invalid status line.
        code = code is null || IsKnownError(code.Value) ? code : StatusCodes.Status404NotFound;
        IsNotFound = code == 404;
        IsThrottled = code == StatusCodes.Status429TooManyRequests;
        IsStoreDown = code == StatusCodes.Status503ServiceUnavailable && StoreOutage.Happened(HttpContext);
        IsWarming = code == StatusCodes.Status503ServiceUnavailable && !IsStoreDown && !warmup.Ready;
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
    }

    private static bool IsKnownError(int code) =>
        code is >= 400 and <= 599 && !string.IsNullOrEmpty(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code));
}
