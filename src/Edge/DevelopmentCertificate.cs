using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bff.Edge;

/// <summary>
/// A self-signed certificate made in-process at start, for when no certificate is configured: <c>dotnet dev-certs</c>
/// needs a user profile and a trust store, which containers and CI do not have.
/// </summary>
public static class DevelopmentCertificate
{
    /// <summary>Creates a certificate for localhost, the loopback addresses and <paramref name="names"/>, valid for 30 days.</summary>
    public static X509Certificate2 Create(IEnumerable<string> names)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        foreach (var name in names.Where(n => n.Length > 0))
        {
            if (IPAddress.TryParse(name, out var address))
            {
                san.AddIpAddress(address);
            }
            else
            {
                san.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Gets whether the configuration names a certificate: a default one, or one on any endpoint.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kestrel = configuration.GetSection("Kestrel");
        return kestrel.GetSection("Certificates:Default").GetChildren().Any()
            || kestrel.GetSection("Endpoints").GetChildren().Any(e => e.GetSection("Certificate").GetChildren().Any());
    }

    /// <summary>The category of the development-certificate notice.</summary>
    internal sealed class Marker;
}
