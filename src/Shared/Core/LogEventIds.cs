namespace Bff;

/// <summary>
/// The event-id range of each area's <c>[LoggerMessage]</c>s, in one place so ids never collide: an area's ids are
/// its base plus 1 to 99 (or 999 where the range is wider). A new area (a protocol, a policy) takes a free range here.
/// </summary>
public static class LogEventIds
{
    /// <summary>Hosting: start-up, shutdown, telemetry export (1–999).</summary>
    public const int Hosting = 0;

    /// <summary>The HTTP endpoint (1001–1999).</summary>
    public const int Http = 1000;

    /// <summary>Authentication and authorization (2001–2999).</summary>
    public const int Auth = 2000;

    /// <summary>The binding layer: schema, bindings, contracts, credentials (3001–3099).</summary>
    public const int Stitching = 3000;

    /// <summary>The REST protocol (3101–3199).</summary>
    public const int Rest = 3100;

    /// <summary>The gRPC protocol (3201–3299).</summary>
    public const int Grpc = 3200;

    /// <summary>Resilience: circuits, chaos, retry budgets (4001–4999).</summary>
    public const int Resilience = 4000;

    /// <summary>Redis shared state (5001–5099).</summary>
    public const int Redis = 5000;

    /// <summary>Persisted queries and trusted documents (5101–5199).</summary>
    public const int PersistedQueries = 5100;

    /// <summary>Rate limiting (5201–5299).</summary>
    public const int RateLimiting = 5200;

    /// <summary>Web session mode: sign-in, the session store, back-channel logout (8101–8199).</summary>
    public const int Session = 8100;

    /// <summary>Subscriptions: the WebSocket and SSE transports (8201–8299).</summary>
    public const int Subscriptions = 8200;

    /// <summary>The GraphQL IDE (7001–7999).</summary>
    public const int Ide = 7000;

    /// <summary>Gets every range by area, with its first and last id, for the test that keeps them apart.</summary>
    public static IReadOnlyList<(string Area, int First, int Last)> Ranges { get; } =
    [
        (nameof(Hosting), Hosting + 1, 999), (nameof(Http), Http + 1, 1999), (nameof(Auth), Auth + 1, 2999),
        (nameof(Stitching), Stitching + 1, 3099), (nameof(Rest), Rest + 1, 3199), (nameof(Grpc), Grpc + 1, 3299),
        (nameof(Resilience), Resilience + 1, 4999), (nameof(Redis), Redis + 1, 5099), (nameof(PersistedQueries), PersistedQueries + 1, 5199),
        (nameof(RateLimiting), RateLimiting + 1, 5299), (nameof(Ide), Ide + 1, 7999), (nameof(Session), Session + 1, 8199),
        (nameof(Subscriptions), Subscriptions + 1, 8299),
    ];
}
