using KpiMonitor.Alerts.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>Delivery settings are checked when the process starts, with the path of what is wrong.</summary>
public sealed class DeliveryOptionsTests
{
    [Theory]
    [InlineData("Alerts:Delivery:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Alerts:Delivery:InitialBackoff", "01:00:00", "InitialBackoff")]
    [InlineData("Alerts:Delivery:MaxBackoff", "00:00:00.001", "MaxBackoff")]
    [InlineData("Alerts:Delivery:SmtpSecurity", "Sometimes", "SmtpSecurity")]
    public void BadSetting_FailsAtStart_NamingIt(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlertDelivery().BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<DeliveryOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreValid_AndUseStartTlsWhenOffered()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlertDelivery().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;

        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, options.SmtpSecurity);
        Assert.Equal(3, options.MaxAttempts);
    }
}
