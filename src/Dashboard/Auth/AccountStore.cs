using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Checks user names and passwords against the configured accounts (hashed with ASP.NET Core's PasswordHasher).
/// An unknown name costs the same hash computation as a wrong password, so the answer's time does not tell
/// which names exist.
/// </summary>
public sealed class AccountStore
{
    private readonly IPasswordHasher<UserAccount> _hasher;
    private readonly Dictionary<string, UserAccount> _users;

    /// <summary>Stands in for the account of an unknown name: same algorithm and cost as real hashes, made once.</summary>
    private readonly UserAccount _nobody;

    public AccountStore(IOptions<AuthOptions> options, IOptions<Demo.DemoOptions> demo, IPasswordHasher<UserAccount> hasher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(demo);
        _hasher = hasher;
        _nobody = new UserAccount { Username = "" };
        _nobody.PasswordHash = _hasher.HashPassword(_nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        _users = options.Value.Users.ToDictionary(u => AccountName.Normalize(u.Username), StringComparer.Ordinal);
        if (demo.Value.Enabled)
        {
            foreach (var (user, password, name, role) in DemoAccounts.All)
            {
                var account = new UserAccount { Username = user, DisplayName = name, Role = role };
                account.PasswordHash = _hasher.HashPassword(account, password);
                _users.TryAdd(AccountName.Normalize(user), account);
            }
        }
    }

    public int Count => _users.Count;

    public ClaimsPrincipal? Verify(string? username, string? password)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        bool known = _users.TryGetValue(AccountName.Normalize(username), out var account);
        account = known ? account! : _nobody;
        // Verified whether the name exists or not: the work, and so the time, is the same.
        bool matches = _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!known || !matches)
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Username), new Claim("display_name", account.DisplayName), new Claim(ClaimTypes.Role, account.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }
}
