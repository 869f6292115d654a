using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bff.Redis;

/// <summary>
/// The host's one Redis connection, with a breaker in front: while Redis is unreachable (or too slow), every feature
/// gets "not available" at once and answers from its in-memory fallback. The loss is logged once; the connection is
/// retried in the background and used again as soon as it is back.
/// </summary>
public sealed partial class RedisStore : IHostedService, IAsyncDisposable
{
    private readonly string? _connectionString;
    private readonly RedisOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisStore> _logger;
    private readonly Lock _gate = new();
    private readonly List<Action<IConnectionMultiplexer>> _connected = [];
    private ConnectionMultiplexer? _connection;
    private int _state;
    private long _retryAt;
    private bool _disposed;

    /// <summary>Creates the store; it connects when the host starts.</summary>
    public RedisStore(string? connectionString, RedisOptions options, string keyPrefix, TimeProvider time, ILogger<RedisStore> logger)
    {
        _connectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        _options = options;
        _time = time;
        _logger = logger;
        KeyPrefix = keyPrefix;
        _state = (int)(_connectionString is null ? RedisState.NotConfigured : RedisState.Connecting);
    }

    /// <summary>Gets where shared state lives right now.</summary>
    public RedisState State => (RedisState)Volatile.Read(ref _state);

    /// <summary>Gets a value indicating whether a Redis connection string is configured.</summary>
    public bool IsConfigured => _connectionString is not null;

    /// <summary>Gets the prefix of every key this host writes.</summary>
    public string KeyPrefix { get; }

    /// <summary>
    /// Calls <paramref name="callback"/> with the connection once it exists (at once when it already does), e.g. so
    /// tracing can instrument it.
    /// </summary>
    public void OnConnected(Action<IConnectionMultiplexer> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ConnectionMultiplexer? connection;
        lock (_gate)
        {
            connection = _connection;
            if (connection is null)
            {
                _connected.Add(callback);
                return;
            }
        }

        callback(connection);
    }

    /// <summary>Gets the database for a library that talks to Redis itself (data protection keys); throws while not connected.</summary>
    internal IDatabase Database => Volatile.Read(ref _connection)?.GetDatabase()
        ?? throw new RedisException("Redis is not connected.");

    /// <summary>Gets the full key of <paramref name="name"/>.</summary>
    public RedisKey Key(string name) => KeyPrefix + name;

    /// <summary>
    /// Runs <paramref name="operation"/> on Redis unless Redis is known to be unavailable. Returns <c>Ok = false</c> at
    /// once when it is (or when the operation fails or times out): the caller then uses its in-memory fallback.
    /// </summary>
    public async Task<(bool Ok, T Value)> TryAsync<T>(Func<IDatabase, Task<T>> operation)
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is null)
        {
            return (false, default!);
        }

        if (!connection.IsConnected)
        {
            MarkDown("connection lost");
            return (false, default!);
        }

        if (_time.GetUtcNow().ToUnixTimeMilliseconds() < Volatile.Read(ref _retryAt))
        {
            return (false, default!);
        }

        try
        {
            // Real time on purpose: this bounds I/O, it is not a business TTL.
            var value = await operation(connection.GetDatabase()).WaitAsync(_options.OperationTimeout).ConfigureAwait(false);
            MarkUp();
            return (true, value);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Volatile.Write(ref _retryAt, _time.GetUtcNow().Add(_options.RetryInterval).ToUnixTimeMilliseconds());
            MarkDown(ex is TimeoutException ? $"no answer within {_options.OperationTimeout.TotalMilliseconds} ms" : ex.GetType().Name);
            return (false, default!);
        }
    }

    /// <summary>Sends <c>PING</c>; used by the health check.</summary>
    public Task<(bool Ok, TimeSpan Latency)> PingAsync() => TryAsync(db => db.PingAsync());

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null)
        {
            LogInMemory(_logger);
            return Task.CompletedTask;
        }

        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(_connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new Stitching.BffConfigurationException([$"ConnectionStrings:Redis: not a valid Redis connection string ({ex.Message})."]);
        }

        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = (int)_options.ConnectTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = (int)_options.OperationTimeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)_options.OperationTimeout.TotalMilliseconds;
        configuration.ConnectRetry = 1;
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        LogConnecting(_logger, string.Join(", ", configuration.EndPoints.Select(e => e.ToString())));

        // Serve shared state from the first request when Redis is there; never hold start-up longer than a connect.
        return Task.WhenAny(ConnectAsync(configuration), Task.Delay(_options.ConnectTimeout, cancellationToken));
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ConnectAsync(ConfigurationOptions configuration)
    {
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
            connection.ConnectionFailed += (_, e) => MarkDown(e.FailureType.ToString());
            connection.ConnectionRestored += (_, _) => MarkUp();
            Action<IConnectionMultiplexer>[] callbacks;
            lock (_gate)
            {
                Volatile.Write(ref _connection, connection);
                callbacks = [.. _connected];
                _connected.Clear();
            }

            foreach (var callback in callbacks)
            {
                callback(connection);
            }

            if (connection.IsConnected)
            {
                MarkUp();
            }
            else
            {
                MarkDown("not reachable");
            }
        }
        catch (Exception ex) when (ex is RedisException or ArgumentException)
        {
            MarkDown(ex.GetType().Name);
        }
    }

    private void MarkDown(string reason)
    {
        if (!Volatile.Read(ref _disposed) && Interlocked.Exchange(ref _state, (int)RedisState.Down) != (int)RedisState.Down)
        {
            LogDown(_logger, reason);
        }
    }

    private void MarkUp()
    {
        var previous = (RedisState)Interlocked.Exchange(ref _state, (int)RedisState.Up);
        if (previous == RedisState.Up)
        {
            return;
        }

        Volatile.Write(ref _retryAt, 0);
        if (previous == RedisState.Down)
        {
            LogRecovered(_logger);
        }
        else
        {
            LogConnected(_logger);
        }
    }
}
