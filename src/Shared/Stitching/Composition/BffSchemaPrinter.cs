using GraphQL;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Bff.Stitching.Composition;

/// <summary>Prints the client-facing SDL of a host: its types and descriptions, without the binding directives.</summary>
public static class BffSchemaPrinter
{
    /// <summary>Prints <paramref name="schema"/> as SDL.</summary>
    public static string Print(BffSchema schema)
    {
        var document = schema.Schema.ToAST();
        document.Definitions.RemoveAll(d => d is GraphQLDirectiveDefinition directive && schema.HiddenDirectives.Contains(directive.Name.StringValue)
            || d is GraphQLTypeDefinition type && BindingDirectives.TypeNames.Contains(type.Name.StringValue));
        foreach (var definition in document.Definitions.OfType<IHasDirectivesNode>())
        {
            Strip(definition, schema.HiddenDirectives);
        }

        foreach (var definition in document.Definitions.OfType<IHasFieldsDefinitionNode>())
        {
            foreach (var field in definition.Fields?.Items ?? [])
            {
                Strip(field, schema.HiddenDirectives);
                foreach (var argument in field.Arguments?.Items ?? [])
                {
                    Strip(argument, schema.HiddenDirectives);
                }
            }
        }

        using var writer = new StringWriter();
        new SDLPrinter().PrintAsync(document, writer).AsTask().GetAwaiter().GetResult();
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static void Strip(IHasDirectivesNode node, IReadOnlySet<string> hidden)
    {
        node.Directives?.Items.RemoveAll(d => hidden.Contains(d.Name.StringValue));
        if (node.Directives is { Items.Count: 0 })
        {
            node.Directives = null;
        }
    }
}
