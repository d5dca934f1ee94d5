using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Rollups;

namespace KpiMonitor.Dashboard.Tests.Auth;

public sealed class AuthOptionsValidatorTests
{
    [Fact]
    public void Accounts_WithUniqueNamesKnownRolesAndHashes_AreValid()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { Users = [Account("lanhdao", Roles.Viewer), Account("canbo", Roles.Operator)] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void ANameTwice_AnUnknownRole_AndAMissingHash_AreEachNamed()
    {
        var options = new AuthOptions
        {
            Users = [Account("canbo", Roles.Operator), Account("CanBo", Roles.Viewer), Account("quantri", "Admin"), Account("moi", Roles.Viewer, hash: "")],
        };

        var failures = new AuthOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains("Auth:Users:1:Username 'CanBo' đã có ở một tài khoản trước", failures[0], StringComparison.Ordinal);
        Assert.Contains("Auth:Users:2:Role 'Admin' không phải vai trò của KpiMonitor; chọn một trong: viewer, operator, admin", failures[1], StringComparison.Ordinal);
        Assert.Contains("Auth:Users:3:PasswordHash chưa được đặt", failures[2], StringComparison.Ordinal);
    }

    [Fact]
    public void BadNumbers_AreRefusedByTheirRanges_NamingTheSetting()
    {
        string auth = Problems(new AuthOptions { LoginAttemptsPerMinutePerAddress = 0, LoginFailuresPerMinutePerAccount = 0, ApiKeyFailuresPerMinutePerAddress = 0 });
        string cache = Problems(new RollupCacheOptions { MaxParallelLoads = 0, WindowMonths = 6 });

        Assert.Contains("Auth:LoginAttemptsPerMinutePerAddress phải trong khoảng 1–100.000.", auth, StringComparison.Ordinal);
        Assert.Contains("Auth:LoginFailuresPerMinutePerAccount phải trong khoảng 1–100.000.", auth, StringComparison.Ordinal);
        Assert.Contains("Auth:ApiKeyFailuresPerMinutePerAddress phải trong khoảng 1–100.000.", auth, StringComparison.Ordinal);
        Assert.Contains("Rollups:Cache:MaxParallelLoads phải trong khoảng 1–16.", cache, StringComparison.Ordinal);
        Assert.Contains("Rollups:Cache:WindowMonths phải trong khoảng 13–120", cache, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRingFolderThatCannotBeWritten_IsNamed()
    {
        string file = Path.GetTempFileName();
        try
        {
            var result = new AuthOptionsValidator().Validate(null, new AuthOptions { KeyRingDirectory = Path.Combine(file, "khoa") });

            Assert.StartsWith($"Auth:KeyRingDirectory '{Path.Combine(file, "khoa")}' không dùng được: ", Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // What ValidateDataAnnotations checks at start.
    private static string Problems(object options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);
        return string.Join('\n', results.Select(r => r.ErrorMessage));
    }

    private static UserAccount Account(string name, string role, string hash = "AQAAAAIAAYagAAAAE…") =>
        new() { Username = name, DisplayName = name, Role = role, PasswordHash = hash };
}
