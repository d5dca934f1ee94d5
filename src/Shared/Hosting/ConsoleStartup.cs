using System.Globalization;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Shared.Hosting;

/// <summary>
/// Runs a program's main body and turns configuration mistakes into a readable message and exit code 2,
/// instead of a stack trace: the person fixing config/ needs the file, the path and the problem.
/// </summary>
public static partial class ConsoleStartup
{
    /// <summary>Exit code for invalid configuration.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Runs <paramref name="main"/>; returns its exit code, or 2 after printing configuration errors.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> main)
    {
        // What the programs write for people outside a request (drop-folder reports, background messages) is
        // Vietnamese whatever culture the server runs in; the dashboard's request localization still sets each request's.
        CultureInfo.DefaultThreadCurrentUICulture = Cultures.Vietnamese;
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
            await Console.Error.WriteLineAsync($"Cấu hình không hợp lệ:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", ex.Failures.Select(Readable)));
            return ConfigurationError;
        }
    }

    /// <summary>
    /// Checks every setting registered with ValidateOnStart now, before the host starts: the host would log the
    /// same failure as an error with a stack trace ahead of the readable message.
    /// </summary>
    public static void ValidateSettings(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several sections wrong at once: every problem in one list.
            throw new OptionsValidationException("", typeof(object), ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }

    /// <summary>A data-annotation failure is our own Vietnamese message wrapped in English: keep the message.</summary>
    private static string Readable(string failure) =>
        AnnotationFailure().Match(failure) is { Success: true } m ? m.Groups[1].Value : failure;

    [GeneratedRegex("with the error: '(.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex AnnotationFailure();
}
