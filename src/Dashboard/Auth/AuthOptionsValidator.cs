using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// The accounts of <c>Auth:Users</c>, checked at start: a name given twice, a role KpiMonitor does not know
/// ("Admin" for "admin") or a missing password hash would otherwise surface only at someone's first sign-in, as a
/// 500 or as a person who can open nothing.
/// </summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        for (int i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            string where = $"Auth:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Username))
            {
                problems.Add($"{where}:Username chưa được đặt");
            }
            else if (options.Users.Take(i).Any(u => string.Equals(u.Username, user.Username, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{where}:Username '{user.Username}' đã có ở một tài khoản trước (tên không phân biệt hoa thường)");
            }

            if (!Roles.All.Contains(user.Role, StringComparer.Ordinal))
            {
                problems.Add($"{where}:Role '{user.Role}' không phải vai trò của KpiMonitor; chọn một trong: {string.Join(", ", Roles.All)}");
            }

            if (string.IsNullOrWhiteSpace(user.PasswordHash))
            {
                problems.Add($"{where}:PasswordHash chưa được đặt; tạo bằng: dotnet run --project src/Dashboard -- hash-password");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
