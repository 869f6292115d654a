using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>The template values of a bound field's call, the same for single calls, batches and streams.</summary>
internal static class BindingScopes
{
    /// <summary>
    /// Checks the field's argument ranges and returns its scope (arguments, parent, caller, the client's selection),
    /// with the arguments as JSON and the selection for keying batches.
    /// </summary>
    /// <exception cref="BffError">An argument is out of its <c>@range</c>.</exception>
    public static (BindingScope Scope, JsonObject Args, FieldSelection Selection) For(IResolveFieldContext context, FieldType field, IReadOnlyList<ArgumentRange> ranges)
    {
        foreach (var range in ranges)
        {
            range.Check(context);
        }

        var args = new JsonObject();
        foreach (var (name, value) in context.Arguments ?? new Dictionary<string, ArgumentValue>())
        {
            args[name] = value.Value is null ? null : JsonSerializer.SerializeToNode(value.Value);
        }

        var selection = new FieldSelection(context.FieldAst, context.Document, field.ResolvedType!, context.Variables);
        return (new BindingScope(args, context.Source as JsonNode, context.User, Selection: selection), args, selection);
    }
}
