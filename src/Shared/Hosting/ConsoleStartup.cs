using KpiMonitor.Shared.Configuration;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Shared.Hosting;

/// <summary>
/// Runs a program's main body and turns configuration mistakes into a readable message and exit code 2,
/// instead of a stack trace: the person fixing config/ needs the file, the path and the problem.
/// </summary>
public static class ConsoleStartup
{
    /// <summary>Exit code for invalid configuration.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Runs <paramref name="main"/>; returns its exit code, or 2 after printing configuration errors.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> main)
    {
        try
        {
            return await main();
        }
        catch (ConfigValidationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ConfigurationError;
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ConfigurationError;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"Cấu hình không hợp lệ (mục {ex.OptionsName}):{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", ex.Failures));
            return ConfigurationError;
        }
    }
}
