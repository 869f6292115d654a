using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Operations;

/// <summary>
/// A request's <c>Accept</c> header, parsed once per request: the SSE dispatch, the response media type and incremental
/// delivery each read it, and parsing allocates a new list every time.
/// </summary>
public static class AcceptHeader
{
    /// <summary>Gets the media types the request accepts (empty when it sends no <c>Accept</c>).</summary>
    public static IList<MediaTypeHeaderValue> Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var features = request.HttpContext.Features;
        if (features.Get<Parsed>() is { } parsed)
        {
            return parsed.Types;
        }

        var types = request.GetTypedHeaders().Accept;
        features.Set(new Parsed(types));
        return types;
    }

    private sealed record Parsed(IList<MediaTypeHeaderValue> Types);
}
