namespace Bff.Subscriptions;

/// <summary>
/// Options of the streaming transports at the GraphQL path (<c>Bff:Subscriptions</c>): graphql-ws over WebSocket and
/// GraphQL over SSE. Both carry subscriptions, and queries and mutations too.
/// </summary>
public sealed class SubscriptionOptions
{
    /// <summary>Gets or sets a value indicating whether WebSocket clients (the <c>graphql-transport-ws</c> subprotocol) are accepted.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool WebSockets { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether GraphQL over SSE (<c>Accept: text/event-stream</c>) is accepted.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ServerSentEvents { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a WebSocket client has to send <c>connection_init</c>; past it the socket is closed with
    /// <c>4408</c>, so sockets that never authenticate hold nothing for long.
    /// </summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how often an idle connection gets a heartbeat (a graphql-ws <c>ping</c>, an SSE comment), so
    /// proxies and load balancers do not close it for idleness.
    /// </summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets or sets how many messages may wait for one subscriber (a WebSocket connection or an SSE request). When
    /// it does not read fast enough and the buffer fills, it gets <c>SUBSCRIBER_TOO_SLOW</c>, its subscriptions end
    /// (their downstream streams are cancelled) and the connection closes: memory stays bounded.
    /// </summary>
    /// <value>Defaults to 100.</value>
    public int BufferCapacity { get; set; } = 100;

    /// <summary>Gets or sets how many subscriptions one caller (identity, else client address) may hold at once, over all its connections.</summary>
    /// <value>Defaults to 100.</value>
    public int MaxSubscriptionsPerCaller { get; set; } = 100;

    /// <summary>Gets or sets how many streaming connections (WebSockets and SSE requests) one caller may hold at once.</summary>
    /// <value>Defaults to 20.</value>
    public int MaxConnectionsPerCaller { get; set; } = 20;

    /// <summary>
    /// Gets the origins (<c>https://app.example.com</c>) whose pages may open a WebSocket. Empty: the host's own origin
    /// only. A client that sends no <c>Origin</c> (not a browser) is not concerned.
    /// </summary>
    public List<string> AllowedOrigins { get; } = [];
}
