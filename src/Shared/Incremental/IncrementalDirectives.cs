using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQLParser.AST;

namespace Bff.Incremental;

/// <summary>The <c>@defer</c> and <c>@stream</c> directives: their SDL and their values on a node of a document.</summary>
public static class IncrementalDirectives
{
    /// <summary>The SDL that declares both directives (added to a host's schema when incremental delivery is on).</summary>
    public const string Sdl = """

        "Sends the fragment later, in its own part of a 'multipart/mixed' answer (when the request accepts 'multipart/mixed; deferSpec=20220824'); otherwise the fragment is part of the one answer."
        directive @defer(
          "Names the part, so the client can tell the parts apart."
          label: String
          "Defers the fragment only when true."
          if: Boolean! = true
        ) on FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Sends the first 'initialCount' items of the list at once and the others in a later part of a 'multipart/mixed' answer (when the request accepts 'multipart/mixed; deferSpec=20220824'); otherwise the whole list is part of the one answer."
        directive @stream(
          "Names the part, so the client can tell the parts apart."
          label: String
          "Streams the list only when true."
          if: Boolean! = true
          "How many items are sent with the list itself."
          initialCount: Int = 0
        ) on FIELD

        """;

    /// <summary>The name of the defer directive.</summary>
    public const string Defer = "defer";

    /// <summary>The name of the stream directive.</summary>
    public const string Stream = "stream";

    /// <summary>Gets the label of an active <c>@defer</c> on <paramref name="node"/> ("" without a label), or <see langword="null"/> when it is not deferred.</summary>
    public static string? DeferLabel(ExecutionContext context, ASTNode node) =>
        Active(context, node, Defer) is { } arguments ? Label(arguments) : null;

    /// <summary>Gets the label and initial count of an active <c>@stream</c> on <paramref name="field"/>, or <see langword="null"/>.</summary>
    public static (string Label, int InitialCount)? StreamOf(ExecutionContext context, GraphQLField field)
    {
        if (Active(context, field, Stream) is not { } arguments)
        {
            return null;
        }

        var count = arguments.TryGetValue("initialCount", out var value) && value.Value is int initial ? initial : 0;
        return (Label(arguments), Math.Max(0, count));
    }

    private static IDictionary<string, ArgumentValue>? Active(ExecutionContext context, ASTNode node, string name) =>
        context.DirectiveValues is { } values && values.TryGetValue(node, out var directives)
        && directives.TryGetValue(name, out var directive)
        && !(directive.Arguments.TryGetValue("if", out var condition) && condition.Value is false)
            ? directive.Arguments
            : null;

    private static string Label(IDictionary<string, ArgumentValue> arguments) =>
        arguments.TryGetValue("label", out var label) && label.Value is string text ? text : "";
}
