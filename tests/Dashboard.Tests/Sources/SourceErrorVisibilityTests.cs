using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Tests.Web;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Sources;

/// <summary>A source's last error names internal addresses and exception types: operators see it, viewers a plain sentence.</summary>
public sealed class SourceErrorVisibilityTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Error = "System.Net.Http.HttpRequestException: Connection refused (10.20.30.40:8443) http://10.20.30.40:8443/api/dossiers";

    [Theory]
    [InlineData("/nguon-du-lieu")]
    [InlineData("/nguon-du-lieu/xuat.csv")]
    public async Task AViewer_GetsAPlainMessage(string path)
    {
        await RecordFailureAsync();
        var client = await factory.SignedInAsync(Roles.Viewer);

        string page = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.DoesNotContain("10.20.30.40", page, StringComparison.Ordinal);
        Assert.DoesNotContain("HttpRequestException", page, StringComparison.Ordinal);
        Assert.Contains("Lần đọc gần nhất bị lỗi", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Operator, "/nguon-du-lieu")]
    [InlineData(Roles.Admin, "/nguon-du-lieu")]
    [InlineData(Roles.Operator, "/nguon-du-lieu/xuat.csv")]
    public async Task AnOperator_SeesTheDetails(string role, string path)
    {
        await RecordFailureAsync();
        var client = await factory.SignedInAsync(role);

        string page = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains("HttpRequestException: Connection refused (10.20.30.40:8443)", page, StringComparison.Ordinal);
    }

    private Task RecordFailureAsync() => factory.Services.GetRequiredService<ISourceHealthStore>().WriteSourceHealthAsync(
        new SourceHealth("eoffice", DateTimeOffset.UtcNow, null, Error, TimeSpan.FromSeconds(1), 0, 1), CancellationToken.None);
}
