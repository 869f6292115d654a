using Bff.Stitching.Bindings;
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

    /// <summary>Headers of <see cref="Refused"/> that may still carry a fixed credential (<c>Auth:Credentials</c>).</summary>
    private static readonly IReadOnlySet<string> CredentialHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Proxy-Authorization",
    };

    /// <summary>Gets the headers of a call made for <paramref name="binding"/> to the source configured by <paramref name="source"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> For(SourceOptions source, SourceCredentials credentials, FieldBinding binding, BffRequestContext request)
    {
        foreach (var name in source.ForwardHeaders)
        {
            if (request.ForwardedHeaders.TryGetValue(name, out var value))
            {
                yield return new(name, value);
            }
        }

        if (source.Auth.Mode == SourceAuthMode.Forward && request.BearerToken is { } token)
        {
            yield return new("Authorization", "Bearer " + token);
        }

        foreach (var credential in credentials.For(binding))
        {
            yield return credential;
        }
    }

    /// <summary>Checks the forwarding and credential options of every source; each problem names its configuration key.</summary>
    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, SourceOptions> sources)
    {
        foreach (var (name, source) in sources)
        {
            foreach (var header in source.ForwardHeaders.Where(h => string.IsNullOrWhiteSpace(h) || Refused.Contains(h)))
            {
                yield return $"Bff:Sources:{name}:ForwardHeaders: '{header}' cannot be forwarded"
                    + (header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "; use Bff:Sources:" + name + ":Auth:Mode = Forward." : ".");
            }

            var credentials = source.Auth.AllCredentials(name).ToList();
            foreach (var problem in credentials.SelectMany(c => ValidateCredential(name, source, c.Key, c.Credential)))
            {
                yield return problem;
            }

            foreach (var header in credentials.GroupBy(c => c.Credential.Header, StringComparer.OrdinalIgnoreCase).Where(Overlaps).Select(g => g.Key))
            {
                yield return $"Bff:Sources:{name}:Auth: more than one credential sets header '{header}' on the same operation.";
            }
        }
    }

    private static IEnumerable<string> ValidateCredential(string name, SourceOptions source, string key, SourceCredentialOptions credential)
    {
        var header = credential.Header;
        if (string.IsNullOrWhiteSpace(header))
        {
            yield return $"{key}:Header must not be empty.";
        }
        else if (Refused.Contains(header) && !CredentialHeaders.Contains(header))
        {
            yield return $"{key}:Header: '{header}' cannot carry a credential.";
        }
        else if (source.ForwardHeaders.Contains(header, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{key}:Header: '{header}' is also in Bff:Sources:{name}:ForwardHeaders; send it one way.";
        }
        else if (source.Auth.Mode == SourceAuthMode.Forward && header.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{key}:Header: Authorization carries the caller's token (Bff:Sources:{name}:Auth:Mode = Forward).";
        }

        foreach (var problem in CredentialValue.Validate(key, credential))
        {
            yield return problem;
        }
    }

    private static bool Overlaps(IGrouping<string, (string Key, SourceCredentialOptions Credential)> sameHeader) =>
        sameHeader.Count() > 1 && (sameHeader.Any(c => c.Credential.Operations.Count == 0)
            || sameHeader.SelectMany(c => c.Credential.Operations.Distinct(StringComparer.Ordinal)).GroupBy(o => o, StringComparer.Ordinal).Any(o => o.Count() > 1));
}
