using Bff.Stitching.Execution;

namespace Bff.Stitching;

/// <summary>The headers a call to one source carries: its credentials and the allow-listed incoming headers.</summary>
public static class OutgoingHeaders
{
    /// <summary>Headers that may never be listed in <c>ForwardHeaders</c>: credentials go through <c>Auth</c>, the rest is per hop.</summary>
    public static readonly IReadOnlySet<string> Refused = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Proxy-Authorization", "Host", "Connection", "Content-Length", "Content-Type",
        "Transfer-Encoding", "Upgrade", "TE", "Keep-Alive", "Expect",
    };

    /// <summary>Gets the headers of a call to the source configured by <paramref name="source"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> For(SourceOptions source, BffRequestContext request)
    {
        foreach (var name in source.ForwardHeaders)
        {
            if (request.ForwardedHeaders.TryGetValue(name, out var value))
            {
                yield return new(name, value);
            }
        }

        switch (source.Auth.Mode)
        {
            case SourceAuthMode.Forward when request.BearerToken is { } token:
                yield return new("Authorization", "Bearer " + token);
                break;
            case SourceAuthMode.Static when source.Auth.Value is { } value:
                yield return new(source.Auth.Header, value);
                break;
        }
    }

    /// <summary>Checks the forwarding options of every source; each problem names its configuration key.</summary>
    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, SourceOptions> sources)
    {
        foreach (var (name, source) in sources)
        {
            foreach (var header in source.ForwardHeaders.Where(h => string.IsNullOrWhiteSpace(h) || Refused.Contains(h)))
            {
                yield return $"Bff:Sources:{name}:ForwardHeaders: '{header}' cannot be forwarded"
                    + (header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "; use Bff:Sources:" + name + ":Auth:Mode = Forward." : ".");
            }

            if (source.Auth.Mode == SourceAuthMode.Static && string.IsNullOrEmpty(source.Auth.Value))
            {
                yield return $"Bff:Sources:{name}:Auth:Value is required with Mode = Static.";
            }

            if (string.IsNullOrWhiteSpace(source.Auth.Header))
            {
                yield return $"Bff:Sources:{name}:Auth:Header must not be empty.";
            }
        }
    }
}
