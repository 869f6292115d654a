namespace Bff.Samples.Common;

/// <summary>One request a demo service received, as seen on the wire.</summary>
/// <param name="Key">
/// What the request is counted under: <c>"GET /profiles/{id}"</c> (method and route template) for REST,
/// <c>"marketplace.proposals.v1.ProposalService/GetProposal"</c> (full method name) for gRPC.
/// </param>
/// <param name="Method">The HTTP method (<c>POST</c> for every gRPC call).</param>
/// <param name="PathAndQuery">The encoded path and query string, e.g. <c>/profiles?ids=p1,p2</c>.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or <see langword="null"/> when absent.</param>
/// <param name="AcceptLanguage">The <c>Accept-Language</c> header, or <see langword="null"/> when absent.</param>
/// <param name="CorrelationId">The <c>X-Correlation-Id</c> header, or <see langword="null"/> when absent.</param>
/// <param name="TimeLeft">The time the client gave the call (gRPC <c>grpc-timeout</c>), as left when it arrived; <see langword="null"/> when it set no deadline.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> header, or <see langword="null"/> when absent.</param>
public sealed record RecordedRequest(
    string Key,
    string Method,
    string PathAndQuery,
    string? Authorization,
    string? AcceptLanguage,
    string? CorrelationId,
    TimeSpan? TimeLeft = null,
    string? TraceParent = null)
{
    /// <summary>The <c>Authorization</c> header name.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>The <c>Accept-Language</c> header name.</summary>
    public const string AcceptLanguageHeader = "Accept-Language";

    /// <summary>The <c>X-Correlation-Id</c> header name.</summary>
    public const string CorrelationIdHeader = "X-Correlation-Id";

    /// <summary>The W3C trace context header name.</summary>
    public const string TraceParentHeader = "traceparent";
}
