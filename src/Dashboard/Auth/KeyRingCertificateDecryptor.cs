using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Decrypts a key written by <see cref="KeyRingCertificateEncryptor"/> with the private key of the key-ring
/// certificate. The data-protection system creates it by type name with the service provider, so the certificate
/// comes from the container (<see cref="KeyRingCertificate"/>) and not from the machine's certificate stores.
/// </summary>
public sealed class KeyRingCertificateDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyRingCertificate>().Certificate
            ?? throw new InvalidOperationException(
                "Khóa trong kho khóa được mã hóa bằng chứng thư nhưng Auth:KeyRingCertificatePath không được đặt; không giải mã được.");

        // The encrypted element replaces itself when decrypted, so it needs a parent in the document.
        var document = new XmlDocument();
        using (var reader = new XElement("root", encryptedElement).CreateReader())
        {
            document.Load(reader);
        }

        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        using var result = document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree();
        return XElement.Load(result);
    }

    /// <summary>Decrypts the session key with the one certificate given, whatever stores the machine has.</summary>
    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            foreach (var clause in encryptedKey.KeyInfo.OfType<KeyInfoX509Data>())
            {
                foreach (var named in clause.Certificates?.OfType<X509Certificate2>() ?? [])
                {
                    if (named.Thumbprint != certificate.Thumbprint)
                    {
                        continue;
                    }

                    using var key = certificate.GetRSAPrivateKey();
                    if (key is not null)
                    {
                        bool oaep = encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl;
                        return DecryptKey(encryptedKey.CipherData.CipherValue!, key, oaep);
                    }
                }
            }

            throw new CryptographicException("Khóa trong kho khóa được mã hóa bằng một chứng thư khác với Auth:KeyRingCertificatePath.");
        }
    }
}
