using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>The friendly page shown for errors and unknown addresses; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }

    /// <summary>Sign-in attempts beyond <c>Auth:LoginAttemptsPerMinute</c> (429): the person waits, nothing went wrong.</summary>
    public bool IsThrottled { get; private set; }

    public void OnGet(int? code) => Handle(code);

    public void OnPost(int? code) => Handle(code);

    private void Handle(int? code)
    {
        IsNotFound = code == 404;
        IsThrottled = code == StatusCodes.Status429TooManyRequests;
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
    }
}
