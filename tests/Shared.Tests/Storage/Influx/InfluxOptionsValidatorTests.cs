using KpiMonitor.Storage.Influx;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

public sealed class InfluxOptionsValidatorTests
{
    [Fact]
    public void Defaults_WithUrl_AreValid() =>
        InfluxOptionsValidator.ThrowIfInvalid(new InfluxOptions { Url = "http://influxdb:8086" });

    [Theory]
    [InlineData("ftp://influxdb:8086", "http://")]
    [InlineData("influxdb:8086/x", "http://")]
    [InlineData("http://admin:hunter2@influxdb:8086", "Username/Password")]
    [InlineData("http://influxdb:8086/?db=x", "truy vấn")]
    public void BadUrl_IsRefused_WithoutEchoingCredentials(string url, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => InfluxOptionsValidator.ThrowIfInvalid(new InfluxOptions { Url = url }));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Urls_EachIsChecked_AndTheMessageNamesItsIndex()
    {
        var options = new InfluxOptions { Urls = { "http://influx-a:8086", "http://admin:hunter2@influx-b:8086", " " } };

        var ex = Assert.Throws<OptionsValidationException>(() => InfluxOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains("Storage:Influx:Urls:1 không được chứa tên đăng nhập", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Influx:Urls:2 trống", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Urls:0", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlsWithoutUrl_AreEnough() =>
        InfluxOptionsValidator.ThrowIfInvalid(new InfluxOptions { Urls = { "http://influx-a:8086", "http://influx-b:8086" } });

    [Fact]
    public void CrossFieldRules_AreAllReported()
    {
        var options = new InfluxOptions
        {
            Password = "p",
            Token = "t",
            FirstRetryDelay = TimeSpan.FromMinutes(2),
            MaxRetryDelay = TimeSpan.FromMinutes(1),
            BatchSize = 0,
        };

        var ex = Assert.Throws<OptionsValidationException>(() => InfluxOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains(ex.Failures, f => f.Contains("thiếu Username", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Password và Token", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("FirstRetryDelay", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("BatchSize", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("=p", StringComparison.Ordinal));
    }

    [Fact]
    public void Token_WithoutUsername_IsValid() =>
        InfluxOptionsValidator.ThrowIfInvalid(new InfluxOptions { Url = "https://cloud.example/", Token = "abc" });
}
