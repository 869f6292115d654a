using Bff.Stitching.Bindings;

namespace Bff.Stitching;

/// <summary>
/// The fixed credentials of every source, read once at start-up (<c>Auth:Mode Static</c> and <c>Auth:Credentials</c>):
/// which headers a call to an operation carries. Values are kept here only; nothing prints them.
/// </summary>
public sealed class SourceCredentials
{
    private readonly Dictionary<string, Credential[]> _bySource;

    private SourceCredentials(Dictionary<string, Credential[]> bySource) => _bySource = bySource;

    /// <summary>Gets an instance without credentials.</summary>
    public static SourceCredentials None { get; } = new(new Dictionary<string, Credential[]>(StringComparer.Ordinal));

    /// <summary>Reads the credentials of <paramref name="sources"/>; what cannot be read is added to <paramref name="errors"/>.</summary>
    public static SourceCredentials Read(IReadOnlyDictionary<string, SourceOptions> sources, ICollection<string> errors)
    {
        var bySource = new Dictionary<string, Credential[]>(StringComparer.Ordinal);
        foreach (var (name, source) in sources)
        {
            var credentials = new List<Credential>();
            foreach (var (key, options) in source.Auth.AllCredentials(name))
            {
                if (!CredentialValue.Validate(key, options).Any() && CredentialValue.Read(key, options, errors) is { } value)
                {
                    var operations = options.Operations.Count == 0 ? null : new HashSet<string>(options.Operations, StringComparer.Ordinal);
                    credentials.Add(new Credential(options.Header, value, operations));
                }
            }

            bySource[name] = [.. credentials];
        }

        return new SourceCredentials(bySource);
    }

    /// <summary>Gets the credential headers of a call made for <paramref name="binding"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> For(FieldBinding binding) =>
        Of(binding.Source, binding.ContractOperation).Select(c => new KeyValuePair<string, string>(c.Header, c.Value));

    /// <summary>
    /// Gets the credential headers that <paramref name="source"/> receives whatever the operation (none restricted to
    /// operations): what a request outside its contract's operations carries, e.g. reading its schema at start-up.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Unrestricted(string source) =>
        Of(source, null).Select(c => new KeyValuePair<string, string>(c.Header, c.Value));

    /// <summary>Gets the names of the credential headers a call to <paramref name="operation"/> of <paramref name="source"/> carries.</summary>
    public IEnumerable<string> HeadersFor(string source, string? operation) => Of(source, operation).Select(c => c.Header);

    private IEnumerable<Credential> Of(string source, string? operation) =>
        (_bySource.GetValueOrDefault(source) ?? []).Where(c => c.Operations is null || (operation is not null && c.Operations.Contains(operation)));

    // Not a record: a record's generated ToString would print the value.
    private sealed class Credential(string header, string value, IReadOnlySet<string>? operations)
    {
        public string Header { get; } = header;

        public string Value { get; } = value;

        public IReadOnlySet<string>? Operations { get; } = operations;

        public override string ToString() => Header + ": ***";
    }
}
