using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Rules of <see cref="InfluxOptions"/> that data annotations cannot express. Register it next to
/// <c>ValidateDataAnnotations()</c>; the store also runs both checks itself so a hand-built store cannot
/// start with bad settings.
/// </summary>
public sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        var failures = new List<string>();
        CheckUrl(options.Url, "Storage:Influx:Url", failures);
        for (int i = 0; i < options.Urls.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Urls[i]))
            {
                failures.Add($"Storage:Influx:Urls:{i} trống.");
            }
            else
            {
                CheckUrl(options.Urls[i], $"Storage:Influx:Urls:{i}", failures);
            }
        }

        if (options.Database is { } db && (db.Length == 0 || db.AsSpan().IndexOfAny('\n', '\r') >= 0 || string.IsNullOrWhiteSpace(db)))
        {
            failures.Add("Storage:Influx:Database phải có tên, không chứa ký tự xuống dòng.");
        }

        bool hasUser = !string.IsNullOrEmpty(options.Username);
        bool hasPassword = !string.IsNullOrEmpty(options.Password);
        bool hasToken = !string.IsNullOrEmpty(options.Token);
        if (hasPassword && !hasUser)
        {
            failures.Add("Storage:Influx:Password được đặt nhưng thiếu Username.");
        }

        if (hasPassword && hasToken)
        {
            failures.Add("Storage:Influx: chỉ đặt một trong Password và Token (token được gửi như mật khẩu).");
        }

        if (hasUser && !hasPassword && !hasToken)
        {
            failures.Add("Storage:Influx:Username được đặt nhưng thiếu Password hoặc Token.");
        }

        if (options.FirstRetryDelay > options.MaxRetryDelay)
        {
            failures.Add($"Storage:Influx:FirstRetryDelay ({options.FirstRetryDelay}) không được lớn hơn MaxRetryDelay ({options.MaxRetryDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(string? url, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // The URL is shown only when it cannot carry credentials, which a parsed http URL could.
            failures.Add($"{setting} phải là địa chỉ tuyệt đối http:// hoặc https://.");
        }
        else if (uri.UserInfo.Length > 0)
        {
            failures.Add($"{setting} không được chứa tên đăng nhập hoặc mật khẩu; hãy dùng Username/Password hoặc Token.");
        }
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            // The query may carry u=/p= credentials (1.x accepts them), so only scheme, host and port are shown.
            failures.Add($"{setting} ({uri.GetLeftPart(UriPartial.Authority)}…) không được có phần truy vấn (?…) hoặc '#'.");
        }
    }

    /// <summary>Runs the data annotations and the rules above; throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(InfluxOptions options)
    {
        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), annotations, validateAllProperties: true);
        var failures = annotations.Select(r => r.ErrorMessage ?? string.Join(", ", r.MemberNames)).ToList();
        var rules = new InfluxOptionsValidator().Validate(null, options);
        if (rules.Failed)
        {
            failures.AddRange(rules.Failures);
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(InfluxOptions), failures);
        }
    }
}
