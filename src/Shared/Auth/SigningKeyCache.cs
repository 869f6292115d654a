using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Auth;

/// <summary>
/// The keys tokens are validated with, and the issuer they must name. Keys from configuration are fixed; fetched keys
/// (discovery or JWKS) are cached for <see cref="AuthOptions.KeyCacheDuration"/>, fetched at most once per
/// <see cref="AuthOptions.KeyRefreshMinInterval"/> (one request fetches; the others, even those that may not start a fetch, wait for it), and kept when a fetch
/// fails, so an outage of the issuer does not fail tokens signed with known keys.
/// </summary>
public sealed partial class SigningKeyCache
{
    /// <summary>The name of the <see cref="HttpClient"/> keys are fetched with.</summary>
    public const string ClientName = "bff-auth-keys";

    private readonly AuthOptions _options;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningKeyCache> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySet? _current;
    private volatile Task? _fetching;
    private long _lastAttempt = long.MinValue;
    private int _fetchCount;

    /// <summary>Creates the cache; configured keys are loaded now.</summary>
    public SigningKeyCache(AuthOptions options, IHttpClientFactory clients, TimeProvider time, ILogger<SigningKeyCache> logger)
    {
        _options = options;
        _clients = clients;
        _time = time;
        _logger = logger;
        if (options.SigningKeys.Count > 0)
        {
            _current = new KeySet(options.SigningKeys.Select(SigningKeyLoader.Load).ToArray(), options.Issuer, DateTimeOffset.MaxValue);
        }
    }

    /// <summary>Gets the current keys (empty until the first successful fetch).</summary>
    public IReadOnlyList<SecurityKey> Keys => _current?.Keys ?? [];

    /// <summary>Gets the issuer tokens must name: the configured one, else the discovery document's.</summary>
    public string? Issuer => _options.Issuer ?? _current?.Issuer;

    /// <summary>Gets how many fetches were made (successful or not), for diagnostics and tests.</summary>
    public int FetchCount => _fetchCount;

    /// <summary>
    /// Makes sure keys are loaded and fresh and, when a token names a <paramref name="keyId"/> not among them, fetches
    /// the keys again — unless a fetch was attempted less than <see cref="AuthOptions.KeyRefreshMinInterval"/> ago.
    /// </summary>
    public async ValueTask EnsureAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (!NeedsFetch(_current, keyId))
        {
            return;
        }

        if (!MayFetch())
        {
            // Too soon for another fetch, but one may be under way (a host's first requests come together): its keys
            // are what this token needs, so wait for it rather than fail the token.
            if (_fetching is { } fetching)
            {
                await fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!NeedsFetch(_current, keyId) || !MayFetch())
            {
                return;
            }

            // Published before the attempt's time, so a request that sees the attempt also sees the fetch to wait for.
            var fetched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _fetching = fetched.Task;
            Interlocked.Exchange(ref _lastAttempt, _time.GetTimestamp());
            Interlocked.Increment(ref _fetchCount);
            try
            {
                var keys = await FetchAsync().ConfigureAwait(false);
                _current = keys;
                LogFetched(_logger, keys.Keys.Count, keys.Issuer ?? "(none)");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
            {
                LogFetchFailed(_logger, _current is null ? 0 : _current.Keys.Count, ex.GetType().Name, ex.Message);
            }
            finally
            {
                fetched.SetResult();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool NeedsFetch(KeySet? current, string? keyId)
    {
        // Configured keys need no fetch; with no issuer configured there is nowhere to fetch from, and a token then
        // finds no key (401), rather than the fetch failing on the missing address.
        if (_options.SigningKeys.Count > 0 || (_options.JwksUri is null && _options.MetadataAddress is null && _options.Authority is null))
        {
            return false;
        }

        return current is null
            || _time.GetUtcNow() >= current.FetchedAt + _options.KeyCacheDuration
            || (keyId is not null && !current.Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal)));
    }

    private bool MayFetch()
    {
        var last = Interlocked.Read(ref _lastAttempt);
        return last == long.MinValue || _time.GetElapsedTime(last) >= _options.KeyRefreshMinInterval;
    }

    private async Task<KeySet> FetchAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var http = _clients.CreateClient(ClientName);
        var jwksUri = _options.JwksUri;
        string? issuer = null;
        if (jwksUri is null)
        {
            var metadata = _options.MetadataAddress ?? new Uri(_options.Authority!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
            var document = JsonNode.Parse(await http.GetStringAsync(metadata, timeout.Token).ConfigureAwait(false))
                ?? throw new InvalidOperationException("The discovery document is empty.");
            issuer = (string?)document["issuer"];
            jwksUri = new Uri((string?)document["jwks_uri"] ?? throw new InvalidOperationException("The discovery document has no jwks_uri."));
            if (_options.RequireHttpsMetadata && jwksUri.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException($"The discovery document's jwks_uri '{jwksUri}' is not https.");
            }
        }

        var jwks = new JsonWebKeySet(await http.GetStringAsync(jwksUri, timeout.Token).ConfigureAwait(false));
        var keys = jwks.GetSigningKeys();
        return keys.Count == 0
            ? throw new InvalidOperationException($"The key set at {jwksUri} has no usable signing key.")
            : new KeySet(keys.ToArray(), issuer, _time.GetUtcNow());
    }

    [LoggerMessage(EventId = LogEventIds.Auth + 1, Level = LogLevel.Information, Message = "Fetched {Count} token signing keys (issuer {Issuer})")]
    private static partial void LogFetched(ILogger logger, int count, string issuer);

    [LoggerMessage(EventId = LogEventIds.Auth + 2, Level = LogLevel.Warning, Message = "Could not fetch token signing keys; keeping {Cached} cached keys: {Error}: {Message}")]
    private static partial void LogFetchFailed(ILogger logger, int cached, string error, string message);

    private sealed record KeySet(IReadOnlyList<SecurityKey> Keys, string? Issuer, DateTimeOffset FetchedAt);
}
