using KpiMonitor.Dashboard.Auth;
using Microsoft.AspNetCore.Identity;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// <c>dotnet run --project src/Dashboard -- hash-password</c>: asks for a password (not echoed on a terminal, or read
/// from standard input when piped) and prints the PasswordHasher hash to put in <c>Auth:Users:N:PasswordHash</c>.
/// </summary>
public static class PasswordHashCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "hash-password";

    /// <summary>Shortest password accepted.</summary>
    public const int MinimumLength = 10;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        if (interactive)
        {
            error.Write("Mật khẩu / password: ");
        }

        string? password = interactive ? ReadHidden() : input.ReadLine();
        if (interactive)
        {
            error.WriteLine();
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            error.WriteLine($"Mật khẩu cần ít nhất {MinimumLength} ký tự; không tạo mã băm. / The password needs at least {MinimumLength} characters.");
            return 2;
        }

        output.WriteLine(new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), password));
        return 0;
    }

    private static string ReadHidden()
    {
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
