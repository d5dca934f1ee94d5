using System.Globalization;
using System.Security.Claims;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Localization;

namespace KpiMonitor.Dashboard.Sources;

/// <summary>
/// A source's last error as the person looking may see it: operators and administrators get the collector's text
/// (source addresses, exception names: what they need to fix it); viewers get a plain sentence saying the source
/// failed and who can see why.
/// </summary>
public static class SourceErrorText
{
    /// <summary>Null when there was no error.</summary>
    public static string? For(string? lastError, ClaimsPrincipal user, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (lastError is null)
        {
            return null;
        }

        return user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin) ? lastError : UiText.Get("source.errorHidden", culture);
    }
}
