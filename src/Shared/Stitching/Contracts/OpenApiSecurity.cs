using Microsoft.OpenApi;

namespace Bff.Stitching.Contracts;

/// <summary>Reads which request headers an OpenAPI operation's <c>security</c> requirement asks for.</summary>
internal static class OpenApiSecurity
{
    /// <summary>
    /// Gets the alternatives (any one suffices) of headers that <paramref name="operation"/> needs, from its own
    /// <c>security</c> or the document's: an <c>apiKey</c> scheme in a header needs that header; <c>http</c> (bearer, basic),
    /// <c>oauth2</c> and <c>openIdConnect</c> need <c>Authorization</c>. Empty when it needs nothing, or nothing headers can show.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(OpenApiDocument document, Microsoft.OpenApi.OpenApiOperation operation)
    {
        if ((operation.Security ?? document.Security) is not { Count: > 0 } requirements)
        {
            return [];
        }

        var alternatives = new List<IReadOnlyList<string>>();
        foreach (var requirement in requirements)
        {
            var headers = new List<string>();
            foreach (var scheme in requirement.Keys)
            {
                switch (scheme.Target?.Type)
                {
                    case SecuritySchemeType.ApiKey when scheme.Target.In == ParameterLocation.Header && scheme.Target.Name is { Length: > 0 } header:
                        headers.Add(header);
                        break;
                    case SecuritySchemeType.Http or SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect:
                        headers.Add("Authorization");
                        break;
                    default:
                        // A key in the query or a cookie, mutual TLS, an unknown scheme: nothing to check against headers.
                        return [];
                }
            }

            alternatives.Add(headers);
        }

        return alternatives;
    }
}
