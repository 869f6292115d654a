using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bff.Samples.Common;

/// <summary>Deterministic RFC 9457 problem responses (no trace id, so responses can be snapshotted).</summary>
public static class SampleResults
{
    /// <summary>The media type of every error body.</summary>
    public const string ProblemContentType = "application/problem+json";

    /// <summary>
    /// A problem body <c>{"type":"about:blank","title":"Not Found","status":404,"detail":"..."}</c>.
    /// </summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="detail">What went wrong, for a person.</param>
    /// <returns>The result to return from an endpoint.</returns>
    public static IResult Problem(int status, string detail) =>
        Results.Json(
            new ProblemBody("about:blank", ReasonPhrases.GetReasonPhrase(status), status, detail, null),
            contentType: ProblemContentType,
            statusCode: status);

    /// <summary>A 400 problem body with an <c>errors</c> object: property name to messages.</summary>
    /// <param name="errors">The validation errors, keyed by snake_case property name.</param>
    /// <returns>The result to return from an endpoint.</returns>
    public static IResult ValidationProblem(IReadOnlyDictionary<string, string[]> errors) =>
        Results.Json(
            new ProblemBody(
                "about:blank",
                ReasonPhrases.GetReasonPhrase(StatusCodes.Status400BadRequest),
                StatusCodes.Status400BadRequest,
                "One or more validation errors occurred.",
                errors),
            contentType: ProblemContentType,
            statusCode: StatusCodes.Status400BadRequest);

    private sealed record ProblemBody(
        string Type,
        string Title,
        int Status,
        string Detail,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        IReadOnlyDictionary<string, string[]>? Errors);
}
