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
            else if (options.Users.Take(i).Any(u => AccountName.Normalize(u.Username) == AccountName.Normalize(user.Username)))
            {
                problems.Add($"{where}:Username '{user.Username}' đã có ở một tài khoản trước (tên không phân biệt hoa thường, khoảng trắng đầu cuối và cách gõ dấu)");
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

        if (!string.IsNullOrWhiteSpace(options.KeyRingDirectory) && KeyRingProblem(options.KeyRingDirectory) is { } keyRing)
        {
            problems.Add($"Auth:KeyRingDirectory '{options.KeyRingDirectory}' không dùng được: {keyRing}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Why the key folder cannot be created or written; null when it can. Checked by writing, as the key ring will.</summary>
    private static string? KeyRingProblem(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".ghi-thu-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ex is UnauthorizedAccessException ? "không có quyền ghi" : ex.Message;
        }
    }
}
