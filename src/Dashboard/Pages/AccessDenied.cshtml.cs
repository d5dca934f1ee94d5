using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>
/// Shown when a signed-in person opens a page their role does not allow, or when single sign-on knew the person
/// but KpiMonitor maps none of their roles (then the page says so and offers the sign-in page).
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public bool SsoWithoutRole { get; private set; }

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        SsoWithoutRole = Request.Cookies.ContainsKey(Auth.OidcSignInEvents.NoRoleCookie);
        if (SsoWithoutRole)
        {
            Response.Cookies.Delete(Auth.OidcSignInEvents.NoRoleCookie, new CookieOptions { Path = Auth.OidcSignInEvents.AccessDeniedPath });
        }
    }
}
