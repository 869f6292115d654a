using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bff.Session;

/// <summary>
/// Renews a session's access token with its refresh token shortly before it expires. One refresh per session at a
/// time across replicas (a lock in the store); the others wait for its result. A refused refresh ends the session.
/// </summary>
public sealed class TokenRefresher
{
    private static readonly TimeSpan LockTime = TimeSpan.FromSeconds(10);
    private readonly SessionStore _store;
    private readonly WebSessionOptions _options;
    private readonly IOptionsMonitor<OpenIdConnectOptions> _oidc;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ILogger<TokenRefresher> _logger;

    /// <summary>Creates the refresher.</summary>
    public TokenRefresher(SessionStore store, WebSessionOptions options, IOptionsMonitor<OpenIdConnectOptions> oidc, IHttpClientFactory clients, TimeProvider time,
        ILogger<TokenRefresher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_store, _options, _oidc, _clients, _time, _logger) = (store, options, oidc, clients, time, logger);
    }

    /// <summary>Gets the session with an access token valid beyond <see cref="WebSessionOptions.RefreshBefore"/>, or <see langword="null"/> when it ended.</summary>
    public async Task<SessionRecord?> EnsureFreshAsync(string id, SessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!NeedsRefresh(record))
        {
            return record;
        }

        var owner = SessionStore.NewId();
        var deadline = _time.GetUtcNow() + LockTime;
        while (!await _store.TryLockAsync(id, owner, LockTime).ConfigureAwait(false))
        {
            // Another request (maybe on another replica) is refreshing: wait for its result.
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time).ConfigureAwait(false);
            var current = await _store.FindAsync(id).ConfigureAwait(false);
            if (current is null || !NeedsRefresh(current))
            {
                return current;
            }

            if (_time.GetUtcNow() > deadline)
            {
                return Usable(current);
            }
        }

        try
        {
            var current = await _store.FindAsync(id).ConfigureAwait(false);
            return current is null || !NeedsRefresh(current) ? current : await RefreshAsync(id, current).ConfigureAwait(false);
        }
        finally
        {
            await _store.ReleaseAsync(id, owner).ConfigureAwait(false);
        }
    }

    private bool NeedsRefresh(SessionRecord record) => record.AccessTokenExpiresAt - _options.RefreshBefore <= _time.GetUtcNow();

    private SessionRecord? Usable(SessionRecord record) => record.AccessTokenExpiresAt > _time.GetUtcNow() ? record : null;

    private async Task<SessionRecord?> RefreshAsync(string id, SessionRecord record)
    {
        if (record.RefreshToken is null)
        {
            return await EndAsync(id, record, "no refresh token", Usable(record)).ConfigureAwait(false);
        }

        var oidc = _oidc.Get(SessionDefaults.OidcScheme);
        HttpResponseMessage response;
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = record.RefreshToken,
                ["client_id"] = oidc.ClientId!,
            };
            if (oidc.ClientSecret is { Length: > 0 } secret)
            {
                form["client_secret"] = secret;
            }

            using var content = new FormUrlEncodedContent(form);
            response = await _clients.CreateClient(SessionDefaults.ClientName).PostAsync(new Uri(configuration.TokenEndpoint), content).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException)
        {
            // The provider could not be asked: the current token serves while it lasts, then the session ends.
            SessionLog.RefreshFailed(_logger, record.Subject, ex.GetType().Name);
            return Usable(record) ?? await EndAsync(id, record, "provider unreachable", null).ConfigureAwait(false);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return await EndAsync(id, record, $"the provider answered {(int)response.StatusCode}", null).ConfigureAwait(false);
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
            var root = json.RootElement;
            if (!root.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } token)
            {
                return await EndAsync(id, record, "no access token in the answer", null).ConfigureAwait(false);
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 300;
            var renewed = record with
            {
                AccessToken = token,
                AccessTokenExpiresAt = _time.GetUtcNow().AddSeconds(lifetime),
                RefreshToken = root.TryGetProperty("refresh_token", out var refresh) && refresh.GetString() is { Length: > 0 } rotated ? rotated : record.RefreshToken,
                IdToken = root.TryGetProperty("id_token", out var idToken) && idToken.GetString() is { Length: > 0 } newId ? newId : record.IdToken,
            };
            await _store.SaveAsync(id, renewed).ConfigureAwait(false);
            SessionLog.Refreshed(_logger, record.Subject);
            return renewed;
        }
    }

    private async Task<SessionRecord?> EndAsync(string id, SessionRecord record, string reason, SessionRecord? keep)
    {
        if (keep is not null)
        {
            return keep;
        }

        SessionLog.RefreshFailed(_logger, record.Subject, reason);
        await _store.RemoveAsync(id, record).ConfigureAwait(false);
        return null;
    }
}
