using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KpiMonitor.Shared.Hosting;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// The certificate of Auth:KeyRingCertificatePath, with its private key, loaded when first resolved (at start,
/// through ResolveOnStart) rather than while services are registered; null when the setting is empty. A missing
/// file, a wrong password or a certificate without its private key stops the start with a message naming the setting.
/// </summary>
public sealed class KeyRingCertificate
{
    private const string Setting = "Auth:KeyRingCertificatePath";

    public KeyRingCertificate(IOptions<AuthOptions> options)
    {
        string? path = options.Value.KeyRingCertificatePath;
        Certificate = string.IsNullOrWhiteSpace(path) ? null : Load(path, options.Value.KeyRingCertificatePassword);
    }

    public X509Certificate2? Certificate { get; }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new StartupException($"{Setting}: không có tệp chứng thư '{path}' (tệp .pfx có khóa riêng, xem README, mục bảo mật).");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new StartupException(
                $"{Setting}: không đọc được chứng thư '{path}' (sai mật khẩu Auth:KeyRingCertificatePassword hoặc không phải tệp .pfx): {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new StartupException($"{Setting}: chứng thư '{path}' không có khóa riêng; cần tệp .pfx có khóa riêng.");
        }

        return certificate;
    }
}
