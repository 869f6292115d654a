using System.Text;
using GraphQLParser;
using GraphQL;
using GraphQL.Types;
using Bff.Stitching.Bindings;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Stitching.Execution;

/// <summary>
/// The part of the client's document below a bound field: its node, the document (for fragments), the field's type in
/// our schema and the operation's variables. Protocols that delegate the sub-selection (remote GraphQL) read it;
/// others ignore it.
/// </summary>
/// <param name="Field">The field's node in the client's document.</param>
/// <param name="Document">The client's document.</param>
/// <param name="Type">The field's type in our schema.</param>
/// <param name="Variables">The operation's variables, for arguments below the field that use them.</param>
public sealed record FieldSelection(GraphQLField Field, GraphQLDocument Document, IGraphType Type, Variables? Variables)
{
    /// <summary>
    /// Gets what tells this selection from another of the same field in one request (its place in the document):
    /// calls for different selections are not batched together.
    /// </summary>
    public string Key => $"{Field.Location.Start}-{Field.Location.End}";

    /// <summary>
    /// Describes what is selected below the field, independent of the document it came from (fragments flattened,
    /// aliases left out, variables replaced by their values): two selections that ask for the same data describe alike.
    /// Cache keys use it.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        Write(Field.SelectionSet, text);
        return text.ToString();
    }

    private void Write(GraphQLSelectionSet? selections, StringBuilder text)
    {
        if (selections is null)
        {
            return;
        }

        text.Append('{');
        foreach (var field in Flatten(selections))
        {
            text.Append(field.Name.StringValue);
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                text.Append('(').Append(argument.Name.StringValue).Append(':').Append(AstValues.ToJson(argument.Value, Variables)?.ToJsonString() ?? "null").Append(')');
            }

            Write(field.SelectionSet, text);
            text.Append(' ');
        }

        text.Append('}');
    }

    /// <summary>
    /// Translates a path inside the field's downstream value (property names, list indexes) into the client's response
    /// path below the field: each property becomes the response name (alias) of the selected field read from it
    /// (its name, or its <c>@from</c> path). Steps that match no selected field are kept as they are.
    /// </summary>
    public IReadOnlyList<object> ResponsePathOf(IReadOnlyList<object> downstreamPath)
    {
        ArgumentNullException.ThrowIfNull(downstreamPath);
        var result = new List<object>();
        var (type, selections) = (GraphTypes.Named(Type), Field.SelectionSet);
        for (var i = 0; i < downstreamPath.Count; i++)
        {
            if (downstreamPath[i] is not string name || type is not IComplexGraphType complex)
            {
                result.Add(downstreamPath[i]);
                continue;
            }

            var match = Flatten(selections).Select(f => (Node: f, Definition: complex.GetField(f.Name.StringValue)))
                .Where(f => f.Definition is not null)
                .Select(f => (f.Node, f.Definition, From: SourcePath(f.Definition!)))
                .FirstOrDefault(f => f.From.Count > 0 && i + f.From.Count <= downstreamPath.Count
                    && f.From.Select((step, k) => step == downstreamPath[i + k] as string).All(x => x));
            if (match.Node is null)
            {
                result.AddRange(downstreamPath.Skip(i));
                break;
            }

            result.Add((match.Node.Alias?.Name ?? match.Node.Name).StringValue);
            i += match.From.Count - 1;
            (type, selections) = (GraphTypes.Named(match.Definition!.ResolvedType!), match.Node.SelectionSet);
        }

        return result;
    }

    private static IReadOnlyList<string> SourcePath(FieldType field) =>
        field.GetAppliedDirectives()?.Find("from")?.FindArgument("path")?.Value is string from ? BindingArguments.SplitPath(from) : [field.Name];

    /// <summary>Gets the fields of <paramref name="selections"/> (a selection set of this document), fragments flattened.</summary>
    public IEnumerable<GraphQLField> Flatten(GraphQLSelectionSet? selections)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            var inner = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Flatten(inline.SelectionSet),
                GraphQLFragmentSpread spread when Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment => Flatten(fragment.SelectionSet),
                _ => [],
            };
            foreach (var field in inner)
            {
                yield return field;
            }
        }
    }
}
