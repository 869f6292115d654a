using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Bff.Samples.Common;

/// <summary>
/// Opaque keyset page tokens: base64url of <c>"{kind}:{position}"</c>, where the position is the numeric
/// part of the last id returned. Clients must treat them as opaque.
/// </summary>
public static class PageToken
{
    /// <summary>Encodes a token for the page after <paramref name="position"/>.</summary>
    /// <param name="kind">What is paged, e.g. <c>"jobs"</c>, so a token of one list is refused by another.</param>
    /// <param name="position">The numeric id of the last item returned.</param>
    /// <returns>The opaque token.</returns>
    public static string Encode(string kind, int position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{kind}:{position}")));

    /// <summary>Decodes a token made by <see cref="Encode"/> for the same <paramref name="kind"/>.</summary>
    /// <param name="kind">What is paged.</param>
    /// <param name="token">The token the client sent.</param>
    /// <param name="position">The numeric id of the last item of the previous page.</param>
    /// <returns><see langword="false"/> when the token is malformed or made for another list.</returns>
    public static bool TryDecode(string kind, string token, out int position)
    {
        position = 0;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }

        return text.StartsWith(kind + ":", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(kind.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }
}
