using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Auth;

/// <summary>Turns a configured PEM public key into a signing key.</summary>
internal static class SigningKeyLoader
{
    public static SecurityKey Load(SigningKeyOptions options)
    {
        if (options.PublicKeyPem.Contains("BEGIN RSA PUBLIC KEY", StringComparison.Ordinal) || IsRsa(options.PublicKeyPem))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(options.PublicKeyPem);
            return new RsaSecurityKey(rsa) { KeyId = options.KeyId };
        }

        var ec = ECDsa.Create();
        ec.ImportFromPem(options.PublicKeyPem);
        return new ECDsaSecurityKey(ec) { KeyId = options.KeyId };
    }

    /// <summary>Whether the PEM holds a key that loads as RSA (else it is read as EC).</summary>
    public static bool IsRsa(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether the PEM holds an RSA or EC public key.</summary>
    public static bool IsValid(string pem)
    {
        if (IsRsa(pem))
        {
            return true;
        }

        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
