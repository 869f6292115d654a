using System.Text;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>The kind of a type of a remote GraphQL schema.</summary>
public enum RemoteTypeKind
{
    /// <summary>A scalar (built-in or custom).</summary>
    Scalar,
    /// <summary>An object type.</summary>
    Object,
    /// <summary>An interface.</summary>
    Interface,
    /// <summary>A union.</summary>
    Union,
    /// <summary>An enum.</summary>
    Enum,
    /// <summary>An input object.</summary>
    InputObject,
}

/// <summary>A type reference of a remote schema: a named type, a list of one, each possibly non-null.</summary>
/// <param name="Name">The named type, for a named reference.</param>
/// <param name="Item">The item type, for a list.</param>
/// <param name="NonNull">Whether the value is never null.</param>
public sealed record RemoteTypeRef(string? Name, RemoteTypeRef? Item, bool NonNull)
{
    /// <summary>Gets the named type under every list and non-null wrapper.</summary>
    public string NamedType => Name ?? Item!.NamedType;

    /// <summary>Gets the reference as GraphQL writes it, e.g. <c>[Review!]!</c>.</summary>
    public override string ToString() => (Name ?? $"[{Item}]") + (NonNull ? "!" : "");
}

/// <summary>An argument (or input field) of a remote schema.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its type.</param>
/// <param name="HasDefault">Whether it has a default value (then it need not be supplied).</param>
public sealed record RemoteArgument(string Name, RemoteTypeRef Type, bool HasDefault)
{
    /// <summary>Gets whether a call must supply it.</summary>
    public bool Required => Type.NonNull && !HasDefault;
}

/// <summary>A field of a remote object or interface.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Arguments">Its arguments, by name.</param>
public sealed record RemoteField(string Name, RemoteTypeRef Type, IReadOnlyDictionary<string, RemoteArgument> Arguments);

/// <summary>A named type of a remote schema.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
public sealed record RemoteType(string Name, RemoteTypeKind Kind)
{
    /// <summary>Gets the fields of an object or interface (or the input fields of an input object), by name.</summary>
    public Dictionary<string, RemoteField> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the values of an enum.</summary>
    public List<string> EnumValues { get; } = [];
}

/// <summary>A remote GraphQL service's schema as Bff needs it: root types, types, fields and arguments.</summary>
public sealed class RemoteSchema
{
    /// <summary>Gets or sets the name of the query root type.</summary>
    public string QueryType { get; set; } = "Query";

    /// <summary>Gets or sets the name of the mutation root type, or <see langword="null"/> when the service has none.</summary>
    public string? MutationType { get; set; }

    /// <summary>Gets every named type, built-in scalars included, by name.</summary>
    public Dictionary<string, RemoteType> Types { get; } = new(StringComparer.Ordinal)
    {
        ["Int"] = new("Int", RemoteTypeKind.Scalar),
        ["Float"] = new("Float", RemoteTypeKind.Scalar),
        ["String"] = new("String", RemoteTypeKind.Scalar),
        ["Boolean"] = new("Boolean", RemoteTypeKind.Scalar),
        ["ID"] = new("ID", RemoteTypeKind.Scalar),
    };

    /// <summary>Gets the root type of <paramref name="operation"/>, or <see langword="null"/> when the service has none.</summary>
    public RemoteType? Root(RemoteOperation operation) =>
        (operation == RemoteOperation.Mutation ? MutationType : QueryType) is { } name ? Types.GetValueOrDefault(name) : null;

    /// <summary>
    /// Describes the schema in one canonical form (types, fields, arguments and enum values in name order), so two
    /// readings of one schema (an SDL file and introspection) can be compared.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder().Append("query: ").Append(QueryType).Append(", mutation: ").Append(MutationType).Append('\n');
        foreach (var type in Types.Values.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Append(type.Kind).Append(' ').Append(type.Name).Append('\n');
            foreach (var field in type.Fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var args = string.Join(", ", field.Arguments.Values.OrderBy(a => a.Name, StringComparer.Ordinal)
                    .Select(a => $"{a.Name}: {a.Type}{(a.HasDefault ? " = …" : "")}"));
                text.Append("  ").Append(field.Name).Append(args.Length > 0 ? $"({args})" : "").Append(": ").Append(field.Type).Append('\n');
            }

            foreach (var value in type.EnumValues.Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(value).Append('\n');
            }
        }

        return text.ToString();
    }
}

/// <summary>The kind of remote operation a binding sends.</summary>
public enum RemoteOperation
{
    /// <summary>A query (idempotent: may be retried).</summary>
    Query,
    /// <summary>A mutation (never retried once sent).</summary>
    Mutation,
}
