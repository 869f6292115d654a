namespace Bff.Subscriptions.WebSockets;

/// <summary>The close codes of the <c>graphql-transport-ws</c> protocol the host uses, and its own.</summary>
public static class WebSocketCloseCodes
{
    /// <summary>An invalid or unknown message (or one larger than <c>Bff:Http:MaxRequestBodyBytes</c>).</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The <c>connection_init</c> was refused: its token is invalid or expired, or the caller holds too many connections; the reason starts with the error code.</summary>
    public const int Forbidden = 4403;

    /// <summary>No <c>connection_init</c> within <c>Bff:Subscriptions:ConnectionInitTimeout</c>.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The client did not read fast enough (policy violation); the reason starts with <c>SUBSCRIBER_TOO_SLOW</c>.</summary>
    public const int SubscriberTooSlow = 1008;

    /// <summary>The host is stopping.</summary>
    public const int GoingAway = 1001;
}
