using System.Diagnostics.CodeAnalysis;
using Bff.Stitching.Bindings;

namespace Bff.Stitching.Rest;

/// <summary>A field bound to a REST call with <c>@rest</c>.</summary>
public sealed class RestBinding : FieldBinding
{
    /// <summary>Creates a binding whose members are set by object initializers.</summary>
    public RestBinding()
    {
    }

    /// <summary>Creates a binding with the arguments every binding directive has, its method and its path.</summary>
    [SetsRequiredMembers]
    public RestBinding(BindingHeader common, string method, ValueTemplate path)
        : base(common)
    {
        Method = method;
        Path = path;
    }

    /// <summary>Gets or sets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets or sets the path template, without the query string.</summary>
    public required ValueTemplate Path { get; init; }

    /// <summary>Gets or sets the query parameters; one whose value is null is left out.</summary>
    public IReadOnlyList<KeyValuePair<string, ValueTemplate>> Query { get; init; } = [];

    /// <summary>Gets or sets the request headers built for the call.</summary>
    public ObjectMapping Headers { get; init; } = ObjectMapping.Empty;

    /// <summary>Gets or sets the JSON body, for methods that carry one.</summary>
    public ObjectMapping Body { get; init; } = ObjectMapping.Empty;

    /// <summary>
    /// Gets how each parameter is written into the URL, by <c>query:{name}</c> and <c>path:{placeholder}</c>, from the
    /// contract's <c>style</c> and <c>explode</c>; set when the binding is checked against its contract.
    /// </summary>
    public Dictionary<string, ParameterSerialization> Serialization { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Rest;

    /// <inheritdoc />
    public override IEnumerable<ValueTemplate> Templates =>
        new[] { Path }.Concat(Query.Select(q => q.Value)).Concat(Headers.Templates).Concat(Body.Templates)
            .Concat(BatchKey is null ? [] : [BatchKey]);

    /// <inheritdoc />
    public override string Operation => $"{Method} {Path.Text}";
}
