using Bff.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Http;

/// <summary>The media types of the GraphQL over HTTP specification and how a response's type is chosen.</summary>
public static class GraphQLMediaTypes
{
    /// <summary>The specification's response type: request errors get 4xx status codes.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The legacy response type: every well-formed request gets 200.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// Picks the response media type from the <c>Accept</c> header: <see cref="GraphQLResponse"/> when accepted,
    /// else <see cref="Json"/> when accepted (or no <c>Accept</c> is sent), else <see langword="null"/> (406).
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = AcceptHeader.Of(request);
        if (accept is null || accept.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var type in accept)
        {
            var quality = type.Quality ?? 1;
            var candidate = type.MediaType.Value switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };
            if (candidate is not null && (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse)))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return bestQuality > 0 ? best : null;
    }

    /// <summary>Whether a POST body of this content type may be read: JSON only, which a cross-site form cannot send.</summary>
    public static bool IsJsonContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
