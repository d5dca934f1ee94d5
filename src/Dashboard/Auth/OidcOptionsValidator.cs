using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>Stops the start on SSO settings that would fail at the first sign-in, or that put the client secret in a file.</summary>
public sealed class OidcOptionsValidator(IConfiguration configuration) : IValidateOptions<OidcOptions>
{
    private const string SecretKey = OidcOptions.Section + ":" + nameof(OidcOptions.ClientSecret);

    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled)
        {
            CheckAuthority(options, failures);
            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                failures.Add("Auth:Oidc:ClientId chưa được đặt (mã client đăng ký cho KpiMonitor tại nhà cung cấp SSO).");
            }

            if (string.IsNullOrWhiteSpace(options.RoleClaim))
            {
                failures.Add("Auth:Oidc:RoleClaim không được để trống (mặc định là roles).");
            }

            CheckRoleMap(options, failures);
            foreach (string scope in options.Scopes.Where(s => string.IsNullOrWhiteSpace(s) || s.Any(char.IsWhiteSpace)))
            {
                failures.Add($"Auth:Oidc:Scopes: '{scope}' không hợp lệ; mỗi phạm vi là một từ, không có khoảng trắng.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.ClientId) || options.RoleMap.Count > 0)
        {
            failures.Add("Auth:Oidc:Authority trống nên đăng nhập một lần đang tắt, nhưng ClientId hoặc RoleMap đã được đặt; "
                + "hãy đặt Authority (địa chỉ nhà cung cấp SSO) hoặc bỏ các mục kia.");
        }

        if (FileHoldingSecret(configuration) is { } file)
        {
            failures.Add($"{SecretKey} không được ghi trong tệp {file}; hãy đặt biến môi trường Auth__Oidc__ClientSecret (hoặc user secret).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAuthority(OidcOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // Not echoed: a mistyped value may hold anything, credentials included.
            failures.Add("Auth:Oidc:Authority phải là địa chỉ tuyệt đối https://…, ví dụ https://sso.tinh.gov.vn/realms/tinh.");
        }
        else if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            failures.Add($"Auth:Oidc:Authority ({uri.Scheme}://{uri.Host}…) chỉ gồm địa chỉ của nhà cung cấp, không có tên đăng nhập, '?…' hay '#'.");
        }
        else if (options.RequireHttpsMetadata && uri.Scheme == Uri.UriSchemeHttp)
        {
            failures.Add($"Auth:Oidc:Authority ({uri}) dùng http:// trong khi RequireHttpsMetadata bật; "
                + "nhà cung cấp SSO phải chạy https (chỉ tắt RequireHttpsMetadata khi thử nghiệm).");
        }
    }

    private static void CheckRoleMap(OidcOptions options, List<string> failures)
    {
        if (options.RoleMap.Count == 0)
        {
            failures.Add("Auth:Oidc:RoleMap trống nên không ai đăng nhập một lần được; "
                + "hãy ánh xạ ít nhất một vai trò hoặc nhóm của nhà cung cấp sang viewer, operator hoặc admin.");
        }

        foreach (var (key, role) in options.RoleMap)
        {
            if (!Roles.All.Contains(role, StringComparer.Ordinal))
            {
                failures.Add($"Auth:Oidc:RoleMap:{key} = '{role}' không phải vai trò của KpiMonitor ({string.Join(", ", Roles.All)}).");
            }
        }
    }

    /// <summary>The first configuration file (user secrets aside) that holds a client secret.</summary>
    private static string? FileHoldingSecret(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        foreach (var provider in root.Providers)
        {
            if (provider is ChainedConfigurationProvider chained && FileHoldingSecret(chained.Configuration) is { } inner)
            {
                return inner;
            }

            if (provider is FileConfigurationProvider file && file.TryGet(SecretKey, out string? value) && !string.IsNullOrEmpty(value)
                && !string.Equals(Path.GetFileName(file.Source.Path), "secrets.json", StringComparison.OrdinalIgnoreCase))
            {
                return file.Source.Path;
            }
        }

        return null;
    }
}
