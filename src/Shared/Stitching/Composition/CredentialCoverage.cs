using Bff.Stitching.Contracts;

namespace Bff.Stitching.Composition;

/// <summary>
/// Finds the bound operations whose contract's security requirement (e.g. OpenAPI <c>security</c>) no configured credential of their source meets
/// (an <c>apiKey</c> header, or <c>Authorization</c> for bearer schemes, which <c>Auth:Mode Forward</c> also sends), so
/// the host can warn at start-up instead of every call failing with 401.
/// </summary>
internal static class CredentialCoverage
{
    /// <summary>Gets each unmet requirement once per source and operation, e.g. <c>X-Api-Key</c> or <c>Authorization or X-Api-Key</c>.</summary>
    public static IEnumerable<(string Source, string Operation, string Requirement)> Unmet(
        BffSchema schema, IReadOnlyDictionary<string, SourceOptions> sources, ContractSet contracts, SourceCredentials credentials)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var binding in schema.Bindings)
        {
            if (binding.ContractOperation is not { } name || !seen.Add((binding.Source, name))
                || !contracts.Sources.TryGetValue(binding.Source, out var contract) || !sources.TryGetValue(binding.Source, out var source)
                || contract.RequiredHeaders(name) is not { Count: > 0 } alternatives)
            {
                continue;
            }

            var sent = credentials.HeadersFor(binding.Source, name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (source.Auth.Mode == SourceAuthMode.Forward)
            {
                sent.Add("Authorization");
            }

            if (!alternatives.Any(headers => headers.All(sent.Contains)))
            {
                yield return (binding.Source, name, string.Join(" or ", alternatives.Select(headers => string.Join(" + ", headers))));
            }
        }
    }

    /// <summary>Checks that every operation a credential is restricted to exists in its source's contract.</summary>
    public static IEnumerable<string> CheckOperations(IReadOnlyDictionary<string, SourceOptions> sources, ContractSet contracts)
    {
        foreach (var (name, source) in sources)
        {
            var known = contracts.Sources.TryGetValue(name, out var contract) ? contract.Operations.ToHashSet(StringComparer.Ordinal) : null;
            for (var i = 0; known is not null && i < source.Auth.Credentials.Count; i++)
            {
                foreach (var operation in source.Auth.Credentials[i].Operations.Where(o => !known.Contains(o)))
                {
                    yield return $"Bff:Sources:{name}:Auth:Credentials:{i}:Operations: '{operation}' is not an operation of {source.Contract} "
                        + $"(operations: {string.Join(", ", known.Order(StringComparer.Ordinal))}).";
                }
            }
        }
    }
}
