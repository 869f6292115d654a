using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Builds the remote operation of one call: the remote root field with its arguments, and below it only what the client
/// selected (fragments flattened, fields unknown remotely left out, fields of ours bound elsewhere replaced by the parent
/// fields their templates read, the batch's matchOn added). Every argument is a variable typed from the remote schema.
/// </summary>
internal sealed class DelegatedQuery
{
    private readonly RemoteSchema _schema;
    private readonly FieldSelection? _selection;
    private readonly GraphQL.Validation.Variables? _clientVariables;
    private readonly List<string> _definitions = [];

    private DelegatedQuery(RemoteSchema schema, FieldSelection? selection)
    {
        _schema = schema;
        _selection = selection;
        _clientVariables = selection?.Variables;
    }

    /// <summary>Gets the operation's text.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Gets the operation's variables.</summary>
    public JsonObject Variables { get; } = [];

    public static DelegatedQuery Build(GraphQLBinding binding, RemoteSchema schema, BindingScope scope)
    {
        var query = new DelegatedQuery(schema, scope.Selection);
        var root = schema.Root(binding.RemoteOperation)
            ?? throw new BffError(ErrorCodes.InternalServerError, $"{binding.Source} has no {binding.RemoteOperation} type.");
        var remote = root.Fields.GetValueOrDefault(binding.RemoteField)
            ?? throw new BffError(ErrorCodes.InternalServerError, $"{binding.Source} has no field {root.Name}.{binding.RemoteField}.");
        var top = new SelectionNode(remote.Name);
        foreach (var (name, template) in binding.Arguments.Entries)
        {
            if (TemplateEvaluator.Evaluate(template, scope) is { } value && remote.Arguments.TryGetValue(name, out var argument))
            {
                top.Arguments.Add((name, query.Define(name, argument.Type, Literal(template, argument.Type) ?? value)));
            }
        }

        var (node, type) = query.Follow(top, remote.Type, binding.Below);
        if (binding.BatchKey is not null)
        {
            query.Follow(node, type, binding.MatchOn);
            (node, type) = query.Follow(node, type, binding.Pick);
        }

        if (scope.Selection is { } selection && GraphTypes.Named(selection.Type) is IComplexGraphType ours
            && schema.Types.GetValueOrDefault(type.NamedType) is { } remoteType)
        {
            query.Add(node, ours, remoteType, selection.Field.SelectionSet);
        }

        if (!node.HasChildren && schema.Types.GetValueOrDefault(type.NamedType)?.Kind is not (null or RemoteTypeKind.Scalar or RemoteTypeKind.Enum))
        {
            node.Child("__typename");
        }

        var text = new StringBuilder(binding.RemoteOperation == RemoteOperation.Mutation ? "mutation " : "query ")
            .Append(binding.TypeName).Append('_').Append(binding.FieldName);
        if (query._definitions.Count > 0)
        {
            text.Append('(').AppendJoin(", ", query._definitions).Append(')');
        }

        text.Append(" { ");
        top.Write(text);
        query.Text = text.Append(" }").ToString();
        return query;
    }

    private string Define(string name, RemoteTypeRef type, JsonNode? value)
    {
        _definitions.Add($"${name}: {type}");
        Variables[name] = value;
        return name;
    }

    // Follows a path of remote fields below node (lists are transparent in a selection).
    private (SelectionNode Node, RemoteTypeRef Type) Follow(SelectionNode node, RemoteTypeRef type, IReadOnlyList<string> path)
    {
        foreach (var step in path)
        {
            if (_schema.Types.GetValueOrDefault(type.NamedType)?.Fields.GetValueOrDefault(step) is not { } field)
            {
                break;
            }

            (node, type) = (node.Child(step), field.Type);
        }

        return (node, type);
    }

    private void Add(SelectionNode node, IComplexGraphType ours, RemoteType remote, GraphQLSelectionSet? selections)
    {
        foreach (var field in _selection!.Flatten(selections))
        {
            var name = field.Name.StringValue;
            if (name == "__typename")
            {
                node.Child(name);
                continue;
            }

            if (ours.GetField(name) is not { } ourField)
            {
                continue;
            }

            if (ourField.Resolver is IBoundFieldResolver bound)
            {
                // Bound elsewhere: not sent, but the parent fields its templates read are.
                foreach (var parent in bound.Binding.Templates.SelectMany(t => t.Expressions).Where(e => e.Root == TemplateRoot.Parent))
                {
                    Follow(node, new RemoteTypeRef(remote.Name, null, false), parent.Path);
                }

                continue;
            }

            var path = ourField.GetAppliedDirectives()?.Find("from")?.FindArgument("path")?.Value is string from ? BindingArguments.SplitPath(from) : [name];
            var (leaf, type) = Follow(node, new RemoteTypeRef(remote.Name, null, false), path);
            if (ReferenceEquals(leaf, node) || leaf.Name != path[^1])
            {
                continue;
            }

            AddArguments(leaf, remote, path, ourField, field);
            if (GraphTypes.Named(ourField.ResolvedType!) is IComplexGraphType inner && _schema.Types.GetValueOrDefault(type.NamedType) is { } innerRemote)
            {
                Add(leaf, inner, innerRemote, field.SelectionSet);
                if (!leaf.HasChildren)
                {
                    leaf.Child("__typename");
                }
            }
        }
    }

    private void AddArguments(SelectionNode leaf, RemoteType parent, IReadOnlyList<string> path, FieldType ourField, GraphQLField field)
    {
        if (leaf.Arguments.Count > 0 || path.Count != 1 || !parent.Fields.TryGetValue(path[0], out var remoteField))
        {
            return;
        }

        foreach (var argument in ourField.Arguments ?? [])
        {
            var given = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argument.Name);
            var value = given is not null ? AstValues.ToJson(given.Value, _clientVariables)
                : argument.DefaultValue is { } fallback ? JsonSerializer.SerializeToNode(fallback) : null;
            if ((given is not null || argument.DefaultValue is not null) && remoteField.Arguments.TryGetValue(argument.Name, out var remoteArgument))
            {
                leaf.Arguments.Add((argument.Name, Define($"_v{_definitions.Count}", remoteArgument.Type, value)));
            }
        }
    }

    /// <summary>Gets a literal written in the binding (<c>first: 2</c>) as the number or boolean the remote argument takes.</summary>
    internal static JsonNode? Literal(ValueTemplate template, RemoteTypeRef type)
    {
        if (template.Expressions.Any() || type.Item is not null || type.Name is not ("Int" or "Float" or "Boolean"))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(template.Text) is JsonValue value && (type.Name == "Boolean" ? value.TryGetValue<bool>(out _)
                : type.Name == "Int" ? value.TryGetValue<int>(out _) : value.TryGetValue<double>(out _)) ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
