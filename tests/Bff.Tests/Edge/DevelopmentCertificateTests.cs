using System.Security.Cryptography.X509Certificates;
using Bff.Edge;
using Microsoft.Extensions.Configuration;

namespace Bff.Tests.Edge;

public sealed class DevelopmentCertificateTests
{
    [Fact]
    public void Is_made_for_localhost_loopback_and_the_configured_names_with_its_private_key()
    {
        using var certificate = DevelopmentCertificate.Create(["edge.local"]);

        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["edge.local", "localhost"], san.EnumerateDnsNames().Order());
        Assert.Contains(System.Net.IPAddress.Loopback, san.EnumerateIPAddresses());
        Assert.True(certificate.HasPrivateKey);
        Assert.True(certificate.NotAfter > DateTime.Now.AddDays(29));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("Kestrel:Certificates:Default:Path", true)]
    [InlineData("Kestrel:Endpoints:Https:Certificate:Subject", true)]
    [InlineData("Kestrel:Endpoints:Https:Url", false)]
    public void Is_used_only_when_no_certificate_is_configured(string? key, bool configured)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(key is null ? [] : [new KeyValuePair<string, string?>(key, "x")])
            .Build();

        Assert.Equal(configured, DevelopmentCertificate.IsConfigured(configuration));
    }
}
