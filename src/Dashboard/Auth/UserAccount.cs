namespace KpiMonitor.Dashboard.Auth;

/// <summary>An account from configuration. Roles: viewer (leadership), operator (ICT staff), admin.</summary>
public sealed class UserAccount
{
    public string Username { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Viewer;

    /// <summary>ASP.NET Core PasswordHasher hash; never the password itself.</summary>
    public string PasswordHash { get; set; } = "";
}
