using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KpiMonitor.Dashboard.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>Auth:KeyRingCertificatePath: the key ring on disk is encrypted with the certificate, never a plain master key.</summary>
public sealed class KeyRingCertificateTests(DashboardFactory factory) : IClassFixture<DashboardFactory>, IDisposable
{
    private const string CertificatePassword = "mat-khau-chung-thu";
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-keyring-cert-").FullName;

    [Fact]
    public async Task TheKeysOnDisk_AreEncrypted()
    {
        string keys = Path.Combine(_folder, "keys");
        string pfx = await WriteCertificateAsync();

        using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:KeyRingDirectory", keys);
            b.UseSetting("Auth:KeyRingCertificatePath", pfx);
            b.UseSetting("Auth:KeyRingCertificatePassword", CertificatePassword);
        });
        var client = await DashboardFactory.SignInAsync(app, Roles.Viewer);
        string page = await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative));

        string xml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(keys, "key-*.xml")));
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Contains("<h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondInstance_WithTheSameFolderAndCertificate_DecryptsTheKeys()
    {
        string keys = Path.Combine(_folder, "keys");
        string pfx = await WriteCertificateAsync();
        Action<IWebHostBuilder> settings = b =>
        {
            b.UseSetting("Auth:KeyRingDirectory", keys);
            b.UseSetting("Auth:KeyRingCertificatePath", pfx);
            b.UseSetting("Auth:KeyRingCertificatePassword", CertificatePassword);
        };

        string sealedText;
        using (var first = factory.WithWebHostBuilder(settings))
        {
            sealedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("kiem-thu").Protect("Phiên đăng nhập");
        }

        // A new process (a restart, another replica) has only the encrypted key on disk and must decrypt it.
        using var second = factory.WithWebHostBuilder(settings);
        string opened = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("kiem-thu").Unprotect(sealedText);

        Assert.Equal("Phiên đăng nhập", opened);
        Assert.DoesNotContain("<masterKey", await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(keys, "key-*.xml"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCertificate_StopsTheStart_NamingTheSetting()
    {
        var (exitCode, output) = await PlainDashboardProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Auth__KeyRingDirectory"] = Path.Combine(_folder, "keys"),
            ["Auth__KeyRingCertificatePath"] = Path.Combine(_folder, "khong-co.pfx"),
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("Auth:KeyRingCertificatePath: không có tệp chứng thư", output, StringComparison.Ordinal);
    }

    private async Task<string> WriteCertificateAsync()
    {
        string pfx = Path.Combine(_folder, "keyring.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=KpiMonitor key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return pfx;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
