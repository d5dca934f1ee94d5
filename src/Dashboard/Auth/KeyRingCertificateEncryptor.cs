using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Encrypts each key of the ring with the key-ring certificate, as the platform's CertificateXmlEncryptor does, but
/// names <see cref="KeyRingCertificateDecryptor"/> as the decryptor: the platform's own decryptor finds its
/// certificate only through settings given while services are registered, and this certificate is loaded at start.
/// </summary>
public sealed class KeyRingCertificateEncryptor(X509Certificate2 certificate, ILoggerFactory loggerFactory) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, loggerFactory);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(KeyRingCertificateDecryptor));
}
