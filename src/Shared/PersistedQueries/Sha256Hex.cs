using System.Security.Cryptography;
using System.Text;

namespace Bff.PersistedQueries;

/// <summary>SHA-256 hashes as clients compute them for persisted queries: lowercase hex of the UTF-8 text.</summary>
public static class Sha256Hex
{
    /// <summary>Hashes <paramref name="text"/>.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Returns whether <paramref name="value"/> looks like a SHA-256 hex digest.</summary>
    public static bool IsValid(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
