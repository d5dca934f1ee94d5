using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>Checks user names and passwords against the configured accounts (hashed with ASP.NET Core's PasswordHasher).</summary>
public sealed class AccountStore
{
    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly Dictionary<string, UserAccount> _users;

    public AccountStore(IOptions<AuthOptions> options, IOptions<Demo.DemoOptions> demo)
    {
        _users = options.Value.Users.ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase);
        if (demo.Value.Enabled)
        {
            foreach (var (user, password, name, role) in DemoAccounts.All)
            {
                var account = new UserAccount { Username = user, DisplayName = name, Role = role };
                account.PasswordHash = _hasher.HashPassword(account, password);
                _users.TryAdd(user, account);
            }
        }
    }

    public int Count => _users.Count;

    public ClaimsPrincipal? Verify(string? username, string? password)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) || !_users.TryGetValue(username, out var account))
        {
            return null;
        }

        if (_hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Username), new Claim("display_name", account.DisplayName), new Claim(ClaimTypes.Role, account.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }
}
