using KpiMonitor.Dashboard.Auth;
using Microsoft.Extensions.Configuration;

namespace KpiMonitor.Dashboard.Tests.Auth;

public sealed class OidcOptionsValidatorTests
{
    private static readonly IConfiguration NoFiles = new ConfigurationBuilder().Build();

    [Fact]
    public void Off_WithNothingSet_IsValid()
    {
        var result = new OidcOptionsValidator(NoFiles).Validate(null, new OidcOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void On_WithAuthorityClientAndRoles_IsValid()
    {
        var result = new OidcOptionsValidator(NoFiles).Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void On_WithoutRoleMap_SaysNobodyCouldSignIn()
    {
        var options = Valid();
        options.RoleMap.Clear();

        var result = new OidcOptionsValidator(NoFiles).Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Auth:Oidc:RoleMap trống", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://nguoi:mat-khau@sso.tinh.gov.vn/realms/tinh")]
    [InlineData("https://sso.tinh.gov.vn/realms/tinh?x=1")]
    public void Authority_WithCredentialsOrQuery_IsRefused_WithoutEchoingIt(string authority)
    {
        var options = Valid();
        options.Authority = authority;

        var result = new OidcOptionsValidator(NoFiles).Validate(null, options);

        string failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Auth:Oidc:Authority (https://sso.tinh.gov.vn…)", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("mat-khau", failure, StringComparison.Ordinal);
    }

    // The settings an operator gets wrong, bound from configuration keys as the dashboard binds them; that such a
    // refusal stops the process with exit code 2 is shown once, by OidcSettingsTests.
    [Theory]
    [InlineData("Auth:Oidc:Authority=khong-phai-dia-chi", "Auth:Oidc:Authority phải là địa chỉ tuyệt đối https://")]
    [InlineData("Auth:Oidc:ClientId=", "Auth:Oidc:ClientId chưa được đặt")]
    [InlineData("Auth:Oidc:RequireHttpsMetadata=true", "dùng http:// trong khi RequireHttpsMetadata bật")]
    [InlineData("Auth:Oidc:RoleMap:ict-staff=superuser", "Auth:Oidc:RoleMap:ict-staff = 'superuser' không phải vai trò của KpiMonitor")]
    [InlineData("Auth:Oidc:Authority=", "Auth:Oidc:Authority trống nên đăng nhập một lần đang tắt, nhưng ClientId hoặc RoleMap đã được đặt")]
    public void BadSettings_AreRefused_WithAVietnameseMessage(string setting, string message)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Auth:Oidc:Authority"] = "http://127.0.0.1:5999/realms/thu",
            ["Auth:Oidc:ClientId"] = "kpimonitor",
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Auth:Oidc:RoleMap:ict-staff"] = "operator",
        };
        string[] pair = setting.Split('=', 2);
        values[pair[0]] = pair[1];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();

        var result = new OidcOptionsValidator(configuration).Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Scope_WithASpace_IsRefused()
    {
        var options = Valid();
        options.Scopes.Add("email roles");

        var result = new OidcOptionsValidator(NoFiles).Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("'email roles' không hợp lệ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("appsettings.json", false)]
    [InlineData("appsettings.Production.json", false)]
    [InlineData("secrets.json", true)]
    public void ClientSecret_InAJsonFile_IsRefused_ButUserSecretsAreFine(string fileName, bool allowed)
    {
        string folder = Directory.CreateTempSubdirectory("kpimonitor-oidc-").FullName;
        try
        {
            string file = Path.Combine(folder, fileName);
            File.WriteAllText(file, """{ "Auth": { "Oidc": { "ClientSecret": "bi-mat-trong-tep" } } }""");
            var configuration = new ConfigurationBuilder().AddJsonFile(file).AddEnvironmentVariables().Build();

            var result = new OidcOptionsValidator(configuration).Validate(null, Valid());

            Assert.Equal(allowed, result.Succeeded);
            if (!allowed)
            {
                string failure = Assert.Single(result.Failures!);
                Assert.Contains($"Auth:Oidc:ClientSecret không được ghi trong tệp {fileName}", failure, StringComparison.Ordinal);
                Assert.DoesNotContain("bi-mat-trong-tep", failure, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ClientSecret_FromMemoryOrEnvironment_IsFine()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Oidc:ClientSecret"] = "bi-mat" })
            .Build();

        Assert.True(new OidcOptionsValidator(configuration).Validate(null, Valid()).Succeeded);
    }

    private static OidcOptions Valid() => new()
    {
        Authority = "https://sso.tinh.gov.vn/realms/tinh",
        ClientId = "kpimonitor",
        RoleMap = new() { ["ict-staff"] = Roles.Operator },
    };
}
