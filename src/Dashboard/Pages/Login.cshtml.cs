using KpiMonitor.Dashboard.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Pages;

[AllowAnonymous]
public sealed class LoginModel(AccountStore accounts, SignInThrottle throttle, IOptions<OidcOptions> sso, ILogger<LoginModel> logger) : PageModel
{
    public bool Failed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    /// <summary>Set by the SSO sign-in when the provider's answer was refused.</summary>
    [BindProperty(Name = "sso", SupportsGet = true)]
    public string? SsoResult { get; set; }

    public bool SsoEnabled => sso.Value.Enabled;

    /// <summary>Only on the page the failed sign-in lands on, not again after a local attempt posted from it.</summary>
    public bool SsoFailed => SsoEnabled && SsoResult == "loi" && HttpMethods.IsGet(Request.Method);

    /// <summary>The configured button text; null means the default text of the page's language.</summary>
    public string? SsoDisplayName => string.IsNullOrWhiteSpace(sso.Value.DisplayName) ? null : sso.Value.DisplayName;

    public void OnGet()
    {
    }

    /// <summary>
    /// <c>GET /dang-nhap/sso</c>: a link rather than a form, so the redirect to the provider is a plain navigation
    /// that <c>form-action 'self'</c> does not cover. Only a local ReturnUrl survives the round trip.
    /// </summary>
    public IActionResult OnGetSso()
    {
        if (!SsoEnabled)
        {
            return NotFound();
        }

        var properties = new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" };
        return Challenge(properties, OidcOptions.Scheme);
    }

    public async Task<IActionResult> OnPostAsync(string? password)
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.Refusal(address, Username) is { } wait)
        {
            logger.LogWarning("Quá nhiều lần đăng nhập sai cho tài khoản {User} hoặc từ {Address} trong một phút", Username, address);
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var principal = accounts.Verify(Username, password);
        if (principal is null)
        {
            throttle.Failed(address, Username);
            // The user name is logged to trace attacks; the password never is.
            logger.LogWarning("Đăng nhập thất bại cho tài khoản {User} từ {Address}", Username, HttpContext.Connection.RemoteIpAddress);
            Failed = true;
            return Page();
        }

        throttle.Succeeded(address, Username);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
