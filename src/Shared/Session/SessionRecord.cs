namespace Bff.Session;

/// <summary>One signed-in browser session as the store keeps it: who, where, and the tokens the browser never sees.</summary>
public sealed record SessionRecord
{
    /// <summary>Gets the user's subject (<c>sub</c>), the key of back-channel logout by user.</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the provider's session id (<c>sid</c> of the id token), the key of back-channel logout by session.</summary>
    public string? ProviderSessionId { get; init; }

    /// <summary>Gets the host the session was created on; a cookie shown to another host is refused.</summary>
    public required string Host { get; init; }

    /// <summary>Gets the caller's claims, as pairs of type and value (what authorization and <c>/bff/user</c> see).</summary>
    public required IReadOnlyList<string[]> Claims { get; init; }

    /// <summary>Gets the access token forwarded to sources with <c>Auth:Mode: Forward</c>.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Gets when <see cref="AccessToken"/> expires.</summary>
    public required DateTimeOffset AccessTokenExpiresAt { get; init; }

    /// <summary>Gets the refresh token, when the provider issued one.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Gets the id token, sent back as <c>id_token_hint</c> at logout.</summary>
    public string? IdToken { get; init; }

    /// <summary>Gets when the session ends however much it is used (the absolute lifetime).</summary>
    public required DateTimeOffset AbsoluteExpiresAt { get; init; }
}
