using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Builds the remote operation of one call: the remote root field with its arguments, and below it only what the client
/// selected (fragments flattened where the remote type is concrete, kept with their type condition where it is abstract,
/// fields unknown remotely left out, fields of ours bound elsewhere replaced by the parent
/// fields their templates read, the batch's matchOn added). Every argument is a variable typed from the remote schema.
/// </summary>
internal sealed class DelegatedQuery
{
    private readonly RemoteSchema _schema;
    private readonly List<string> _definitions = [];
    private FieldSelection? _selection;
    private GraphQL.Validation.Variables? _clientVariables;

    private DelegatedQuery(RemoteSchema schema) => _schema = schema;

    /// <summary>Gets the operation's text.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Gets the operation's variables.</summary>
    public JsonObject Variables { get; } = [];

    /// <summary>Builds the operation of one call.</summary>
    public static DelegatedQuery Build(GraphQLBinding binding, RemoteSchema schema, BindingScope scope) =>
        Build(schema, binding.RemoteOperation, $"{binding.TypeName}_{binding.FieldName}", [(binding, scope)], merged: false);

    /// <summary>Builds the one query of merged calls: each call's root field under its alias, its variables prefixed by it.</summary>
    public static DelegatedQuery Build(MergedGraphQLBinding merged, RemoteSchema schema) =>
        Build(schema, RemoteOperation.Query, merged.FieldName, merged.Parts, merged: true);

    private static DelegatedQuery Build(RemoteSchema schema, RemoteOperation operation, string name, IReadOnlyList<(GraphQLBinding Binding, BindingScope Scope)> parts, bool merged)
    {
        var query = new DelegatedQuery(schema);
        var roots = parts.Select((part, i) => query.Root(part.Binding, part.Scope, merged ? MergedGraphQLBinding.Alias(i) : null)).ToList();
        var text = new StringBuilder(operation == RemoteOperation.Mutation ? "mutation " : "query ").Append(name);
        if (query._definitions.Count > 0)
        {
            text.Append('(').AppendJoin(", ", query._definitions).Append(')');
        }

        text.Append(" {");
        foreach (var root in roots)
        {
            root.Write(text.Append(' '));
        }

        query.Text = text.Append(" }").ToString();
        return query;
    }

    // The remote root field of one call (aliased when merged), its arguments and what the client selected below it.
    private SelectionNode Root(GraphQLBinding binding, BindingScope scope, string? alias)
    {
        (_selection, _clientVariables) = (scope.Selection, scope.Selection?.Variables);
        var root = _schema.Root(binding.RemoteOperation)
            ?? throw new BffError(ErrorCodes.InternalServerError, $"{binding.Source} has no {binding.RemoteOperation} type.");
        var remote = root.Fields.GetValueOrDefault(binding.RemoteField)
            ?? throw new BffError(ErrorCodes.InternalServerError, $"{binding.Source} has no field {root.Name}.{binding.RemoteField}.");
        var top = new SelectionNode(remote.Name) { Alias = alias };
        foreach (var (name, template) in binding.Arguments.Entries)
        {
            if (TemplateEvaluator.Evaluate(template, scope) is { } value && remote.Arguments.TryGetValue(name, out var argument))
            {
                top.Arguments.Add((name, Define(alias is null ? name : $"{alias}_{name}", argument.Type, Literal(template, argument.Type) ?? value)));
            }
        }

        var (node, type) = Follow(top, remote.Type, binding.Below);
        if (binding.BatchKey is not null)
        {
            Follow(node, type, binding.MatchOn);
            (node, type) = Follow(node, type, binding.Pick);
        }

        if (scope.Selection is { } selection && GraphTypes.Named(selection.Type) is (IComplexGraphType or IAbstractGraphType) and var ours
            && _schema.Types.GetValueOrDefault(type.NamedType) is { } remoteType)
        {
            Add(node, ours, remoteType, selection.Field.SelectionSet);
        }

        if (!node.HasChildren && _schema.Types.GetValueOrDefault(type.NamedType)?.Kind is not (null or RemoteTypeKind.Scalar or RemoteTypeKind.Enum))
        {
            node.Child("__typename");
        }

        return top;
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

    // Fragments on the node's own type (or on a type the remote object always is) are flattened; fragments that narrow an
    // abstract remote type keep their type condition, and the node asks for __typename so our side can tell the type.
    private void Add(SelectionNode node, IGraphType ours, RemoteType remote, GraphQLSelectionSet? selections)
    {
        if (!node.IsFragment && remote.Kind is RemoteTypeKind.Union or RemoteTypeKind.Interface)
        {
            node.Child("__typename");
        }

        foreach (var selection in selections?.Selections ?? [])
        {
            (string? condition, GraphQLSelectionSet? set) = selection switch
            {
                GraphQLInlineFragment inline => (inline.TypeCondition?.Type.Name.StringValue, inline.SelectionSet),
                GraphQLFragmentSpread spread when _selection!.Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                    => (fragment.TypeCondition.Type.Name.StringValue, fragment.SelectionSet),
                _ => ((string?)null, (GraphQLSelectionSet?)null),
            };
            if (selection is GraphQLField field)
            {
                AddField(node, ours as IComplexGraphType, remote, field);
            }
            else if (condition is null || condition == remote.Name || remote.Kind is not (RemoteTypeKind.Union or RemoteTypeKind.Interface))
            {
                Add(node, ours, remote, set);
            }
            else if (OurType(ours, condition) is { } narrowed && _schema.Types.GetValueOrDefault(condition) is { } remoteNarrowed)
            {
                Add(node.Fragment(condition), narrowed, remoteNarrowed, set);
            }
        }
    }

    // The type a fragment's condition names, seen from ours: ours, one of its possible types, or an interface of one.
    private static IGraphType? OurType(IGraphType ours, string name)
    {
        var possible = (ours as IAbstractGraphType)?.PossibleTypes.ToList() ?? [];
        IEnumerable<IGraphType> candidates = [ours, .. possible, .. possible.Append(ours as IObjectGraphType).OfType<IObjectGraphType>().SelectMany(t => t.ResolvedInterfaces)];
        return candidates.FirstOrDefault(t => t.Name == name);
    }

    private void AddField(SelectionNode node, IComplexGraphType? ours, RemoteType remote, GraphQLField field)
    {
        var name = field.Name.StringValue;
        if (name == "__typename")
        {
            node.Child(name);
            return;
        }

        if (ours?.GetField(name) is not { } ourField)
        {
            return;
        }

        if (ourField.Resolver is IBoundFieldResolver bound)
        {
            // Bound elsewhere: not sent, but the parent fields its templates read are.
            foreach (var parent in bound.Binding.Templates.SelectMany(t => t.Expressions).Where(e => e.Root == TemplateRoot.Parent))
            {
                Follow(node, new RemoteTypeRef(remote.Name, null, false), parent.Path);
            }

            return;
        }

        var path = ourField.GetAppliedDirectives()?.Find("from")?.FindArgument("path")?.Value is string from ? BindingArguments.SplitPath(from) : [name];
        var (leaf, type) = Follow(node, new RemoteTypeRef(remote.Name, null, false), path);
        if (ReferenceEquals(leaf, node) || leaf.Name != path[^1])
        {
            return;
        }

        AddArguments(leaf, remote, path, ourField, field);
        if (GraphTypes.Named(ourField.ResolvedType!) is (IComplexGraphType or IAbstractGraphType) and var inner && _schema.Types.GetValueOrDefault(type.NamedType) is { } innerRemote)
        {
            Add(leaf, inner, innerRemote, field.SelectionSet);
            if (!leaf.HasChildren)
            {
                leaf.Child("__typename");
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
