using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Samples.Identity;

/// <summary>
/// The demo issuer's authorization server state: registered clients, one-time authorization codes (PKCE S256 only),
/// provider sessions (<c>sid</c>), revocable refresh tokens, and back-channel logout. Development and tests only.
/// </summary>
public sealed class DemoAuthorization(DemoIssuer issuer)
{
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);

    /// <summary>Gets the registered clients by id; <c>web-app</c> (the web BFF) is registered from the start.</summary>
    public ConcurrentDictionary<string, DemoClient> Clients { get; } = new(StringComparer.Ordinal) { ["web-app"] = new DemoClient { ClientId = "web-app" } };

    /// <summary>Gets or sets the lifetime of access tokens (short lifetimes exercise refresh).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets the back-channel logout calls made so far (address and HTTP status, 0 when unreachable).</summary>
    public ConcurrentQueue<(Uri Uri, int Status)> BackChannelCalls { get; } = new();

    /// <summary>What one login granted.</summary>
    private sealed record Grant(string ClientId, DemoUser User, string Sid, string Scope, string? RedirectUri, string? Challenge, string? Nonce, DateTimeOffset Expires)
    {
        public bool Revoked { get; set; }
    }

    /// <summary>Signs <paramref name="user"/> in for <paramref name="clientId"/> (a new provider session) and returns a one-time code.</summary>
    public string IssueCode(string clientId, DemoUser user, string scope, string redirectUri, string codeChallenge, string? nonce)
    {
        var code = NewHandle();
        _codes[code] = new Grant(clientId, user, NewHandle()[..16], scope, redirectUri, codeChallenge, nonce, DateTimeOffset.UtcNow.AddMinutes(1));
        return code;
    }

    /// <summary>Redeems a code (once) with its PKCE verifier; returns the token response, or an OAuth error code.</summary>
    public (Dictionary<string, object>? Tokens, string? Error) RedeemCode(string? code, string? clientId, string? redirectUri, string? verifier)
    {
        if (code is null || !_codes.TryRemove(code, out var grant) || grant.Expires < DateTimeOffset.UtcNow || grant.ClientId != clientId
            || grant.RedirectUri != redirectUri || verifier is null || grant.Challenge != Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))))
        {
            return (null, "invalid_grant");
        }

        return (Tokens(grant, includeRefresh: grant.Scope.Split(' ').Contains("offline_access")), null);
    }

    /// <summary>Uses a refresh token (not rotated); a revoked or unknown one is <c>invalid_grant</c>.</summary>
    public (Dictionary<string, object>? Tokens, string? Error) Refresh(string? refreshToken, string? clientId) =>
        refreshToken is not null && _refreshTokens.TryGetValue(refreshToken, out var grant) && !grant.Revoked && grant.ClientId == clientId
            ? (Tokens(grant, includeRefresh: false), null)
            : (null, "invalid_grant");

    /// <summary>Revokes one refresh token (RFC 7009: unknown tokens are not an error).</summary>
    public void Revoke(string? refreshToken)
    {
        if (refreshToken is not null && _refreshTokens.TryGetValue(refreshToken, out var grant))
        {
            grant.Revoked = true;
        }
    }

    /// <summary>Revokes every refresh token of <paramref name="subject"/>; returns how many.</summary>
    public int RevokeAll(string subject) => _refreshTokens.Values.Where(g => g.User.Subject == subject && !g.Revoked).Count(g => g.Revoked = true);

    /// <summary>Ends the provider session of <paramref name="idTokenHint"/> (or every session of a subject): revokes its refresh tokens and posts logout tokens.</summary>
    public async Task<int> EndSessionAsync(string? idTokenHint, string? subject, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        string? sid = null;
        if (idTokenHint is not null)
        {
            var hint = new JsonWebToken(idTokenHint);
            (subject, sid) = (hint.Subject, hint.TryGetPayloadValue<string>("sid", out var s) ? s : null);
        }

        var ended = _refreshTokens.Values.Where(g => g.User.Subject == subject && (sid is null || g.Sid == sid) && !g.Revoked).ToList();
        ended.ForEach(g => g.Revoked = true);
        var sent = 0;
        foreach (var (clientId, sessionId, user) in ended.Select(g => (g.ClientId, g.Sid, g.User.Subject)).Distinct())
        {
            foreach (var uri in Clients.TryGetValue(clientId, out var client) ? client.BackChannelLogoutUris.ToArray() : [])
            {
                sent++;
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["logout_token"] = LogoutToken(clientId, user, sessionId) });
                try
                {
                    using var response = await http.PostAsync(uri, form).ConfigureAwait(false);
                    BackChannelCalls.Enqueue((uri, (int)response.StatusCode));
                }
                catch (HttpRequestException)
                {
                    BackChannelCalls.Enqueue((uri, 0));
                }
            }
        }

        return sent;
    }

    /// <summary>Signs a back-channel logout token (OIDC Back-Channel Logout 1.0) for a client, user and provider session.</summary>
    public string LogoutToken(string clientId, string subject, string? sid, Action<Dictionary<string, object>>? tamper = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["aud"] = clientId,
            ["jti"] = NewHandle(),
            ["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout"] = new Dictionary<string, object>() },
        };
        if (sid is not null)
        {
            claims["sid"] = sid;
        }

        tamper?.Invoke(claims);
        return Sign(claims, TimeSpan.FromMinutes(2), "logout+jwt");
    }

    private Dictionary<string, object> Tokens(Grant grant, bool includeRefresh)
    {
        var now = DateTimeOffset.UtcNow;
        var apiScopes = grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => grant.User.Scopes.Contains(s)).ToArray();
        var tokens = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["access_token"] = issuer.Mint(new DemoToken
            {
                Subject = grant.User.Subject, Scopes = apiScopes, Roles = grant.User.Roles, NotBefore = now.AddSeconds(-5), Expires = now + AccessTokenLifetime,
            }),
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["scope"] = grant.Scope,
        };
        var id = new Dictionary<string, object> { ["sub"] = grant.User.Subject, ["aud"] = grant.ClientId, ["sid"] = grant.Sid, ["name"] = grant.User.Name };
        if (grant.Nonce is not null)
        {
            id["nonce"] = grant.Nonce;
        }

        tokens["id_token"] = Sign(id, TimeSpan.FromMinutes(10), null);
        if (includeRefresh)
        {
            var handle = NewHandle();
            _refreshTokens[handle] = grant with { Challenge = null, Nonce = null };
            tokens["refresh_token"] = handle;
        }

        return tokens;
    }

    private string Sign(Dictionary<string, object> claims, TimeSpan lifetime, string? type)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            TokenType = type,
            SigningCredentials = new SigningCredentials(issuer.CurrentKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static string NewHandle() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
