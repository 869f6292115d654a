namespace Bff;

/// <summary>The values of <c>extensions.code</c> Bff puts on GraphQL errors. Clients may switch on them.</summary>
public static class ErrorCodes
{
    /// <summary>The request body or parameters are not a valid GraphQL-over-HTTP request.</summary>
    public const string BadRequest = "BAD_REQUEST";
    /// <summary>The document does not parse.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    /// <summary>The document is not valid against the schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    /// <summary>A variable or argument value is not acceptable.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";
    /// <summary>The named operation is not in the document, or several operations and no name.</summary>
    public const string OperationNotFound = "OPERATION_NOT_FOUND";
    /// <summary>A mutation was sent over GET.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    /// <summary>The request body is larger than allowed.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    /// <summary>The content type of the request is not accepted.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    /// <summary>The client accepts no media type the endpoint can answer with.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    /// <summary>The field needs an authenticated caller.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";
    /// <summary>The caller may not see the field.</summary>
    public const string Forbidden = "FORBIDDEN";
    /// <summary>A downstream call did not answer in time.</summary>
    public const string DownstreamTimeout = "DOWNSTREAM_TIMEOUT";
    /// <summary>A downstream service could not be reached.</summary>
    public const string DownstreamUnavailable = "DOWNSTREAM_UNAVAILABLE";
    /// <summary>A downstream service answered with an error.</summary>
    public const string DownstreamError = "DOWNSTREAM_ERROR";
    /// <summary>A downstream service is failing, so its circuit is open and the call was not made; see <c>GET /health/ready</c>.</summary>
    public const string CircuitOpen = "CIRCUIT_OPEN";
    /// <summary>The whole request did not finish within <c>Bff:Http:RequestTimeout</c> (HTTP 504).</summary>
    public const string GatewayTimeout = "GATEWAY_TIMEOUT";
    /// <summary>Something failed inside the gateway; details are in its logs, never in the response.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    /// <summary>The operation is nested deeper than the host allows.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    /// <summary>The operation has more aliases than the host allows.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    /// <summary>The operation, once its fragments are expanded, has more field selections than the host allows.</summary>
    public const string MaxSelectionsExceeded = "MAX_SELECTIONS_EXCEEDED";
    /// <summary>The query text has more tokens than the host allows.</summary>
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";
    /// <summary>The operation's static cost is higher than the host allows.</summary>
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
    /// <summary>A batch carries more operations than the host allows.</summary>
    public const string MaxBatchOperationsExceeded = "MAX_BATCH_OPERATIONS_EXCEEDED";
    /// <summary>The <c>variables</c> object is larger than the host allows.</summary>
    public const string VariablesTooLarge = "VARIABLES_TOO_LARGE";
    /// <summary>Introspection is turned off on this host.</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    /// <summary>A GET request lacks the header that proves it is not a cross-site request (strict CSRF mode).</summary>
    public const string CsrfPreflightRequired = "CSRF_PREFLIGHT_REQUIRED";
    /// <summary>The persisted-query hash is not known: send it again with the query text (Apollo's automatic persisted queries).</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    /// <summary>The host does not accept persisted-query hashes: send the query text.</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    /// <summary>The persisted-query hash is not the SHA-256 of the query sent with it.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    /// <summary>The host runs trusted documents only, and this operation is not one of them.</summary>
    public const string PersistedQueryNotAllowed = "PERSISTED_QUERY_NOT_ALLOWED";
    /// <summary>The caller used up its rate-limit budget; retry after <c>extensions.retryAfter</c> seconds.</summary>
    public const string RateLimited = "RATE_LIMITED";
    /// <summary>A request authenticated by the session cookie lacks the CSRF header (<c>Bff:Session:CsrfHeader</c>, by default <c>X-CSRF: 1</c>).</summary>
    public const string CsrfHeaderRequired = "CSRF_HEADER_REQUIRED";
    /// <summary>The session cookie names no live session on this host (signed out, expired, or ended by the provider): sign in again.</summary>
    public const string SessionEnded = "SESSION_ENDED";
    /// <summary>The session's access token expired and the provider refused to renew it, so the session has ended: sign in again.</summary>
    public const string SessionRefreshFailed = "SESSION_REFRESH_FAILED";
    /// <summary>The session store (Redis) is unavailable and the host fails closed: retry after <c>Retry-After</c> seconds.</summary>
    public const string SessionStoreUnavailable = "SESSION_STORE_UNAVAILABLE";
    /// <summary>A subscription was sent as a plain HTTP request: subscribe over SSE (<c>Accept: text/event-stream</c>) or a <c>graphql-transport-ws</c> WebSocket.</summary>
    public const string StreamingTransportRequired = "STREAMING_TRANSPORT_REQUIRED";
    /// <summary>The subscriber did not read its events fast enough: its bounded buffer filled, so its subscriptions were ended.</summary>
    public const string SubscriberTooSlow = "SUBSCRIBER_TOO_SLOW";
    /// <summary>The caller already holds as many subscriptions as the host allows (<c>Bff:Subscriptions:MaxSubscriptionsPerCaller</c>).</summary>
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";
    /// <summary>The caller already holds as many streaming connections as the host allows (<c>Bff:Subscriptions:MaxConnectionsPerCaller</c>).</summary>
    public const string TooManyConnections = "TOO_MANY_CONNECTIONS";
    /// <summary>A browser page of an origin the host does not allow opened a WebSocket (<c>Bff:Subscriptions:AllowedOrigins</c>).</summary>
    public const string OriginNotAllowed = "ORIGIN_NOT_ALLOWED";
}
