using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>Reads a remote service's schema from an SDL file (type extensions included).</summary>
internal static class RemoteSdlReader
{
    public static RemoteSchema? Read(string displayPath, string text, List<string> errors)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(text);
        }
        catch (GraphQLParserException ex)
        {
            errors.Add($"{displayPath}:{ex.Location.Line}:{ex.Location.Column}: {ex.Description}");
            return null;
        }

        var schema = new RemoteSchema();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition root:
                    foreach (var operation in root.OperationTypes)
                    {
                        if (operation.Operation == OperationType.Query)
                        {
                            schema.QueryType = operation.Type!.Name.StringValue;
                        }
                        else if (operation.Operation == OperationType.Mutation)
                        {
                            schema.MutationType = operation.Type!.Name.StringValue;
                        }
                    }

                    break;
                case GraphQLObjectTypeDefinition o:
                    AddFields(Type(schema, o.Name, RemoteTypeKind.Object), o.Fields);
                    break;
                case GraphQLObjectTypeExtension o:
                    AddFields(Type(schema, o.Name, RemoteTypeKind.Object), o.Fields);
                    break;
                case GraphQLInterfaceTypeDefinition i:
                    AddFields(Type(schema, i.Name, RemoteTypeKind.Interface), i.Fields);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    var inputType = Type(schema, input.Name, RemoteTypeKind.InputObject);
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        inputType.Fields[field.Name.StringValue] = new(field.Name.StringValue, Ref(field.Type), new Dictionary<string, RemoteArgument>());
                    }

                    break;
                case GraphQLEnumTypeDefinition e:
                    Type(schema, e.Name, RemoteTypeKind.Enum).EnumValues.AddRange((e.Values?.Items ?? []).Select(v => v.Name.StringValue));
                    break;
                case GraphQLUnionTypeDefinition u:
                    Type(schema, u.Name, RemoteTypeKind.Union);
                    break;
                case GraphQLScalarTypeDefinition s:
                    Type(schema, s.Name, RemoteTypeKind.Scalar);
                    break;
            }
        }

        if (!document.Definitions.OfType<GraphQLSchemaDefinition>().Any() && schema.Types.ContainsKey("Mutation"))
        {
            schema.MutationType = "Mutation";
        }

        return schema;
    }

    private static RemoteType Type(RemoteSchema schema, GraphQLName name, RemoteTypeKind kind)
    {
        if (!schema.Types.TryGetValue(name.StringValue, out var type))
        {
            schema.Types[name.StringValue] = type = new RemoteType(name.StringValue, kind);
        }

        return type;
    }

    private static void AddFields(RemoteType type, GraphQLFieldsDefinition? fields)
    {
        foreach (var field in fields?.Items ?? [])
        {
            var args = (field.Arguments?.Items ?? []).ToDictionary(
                a => a.Name.StringValue, a => new RemoteArgument(a.Name.StringValue, Ref(a.Type), a.DefaultValue is not null), StringComparer.Ordinal);
            type.Fields[field.Name.StringValue] = new RemoteField(field.Name.StringValue, Ref(field.Type), args);
        }
    }

    private static RemoteTypeRef Ref(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Ref(nonNull.Type) with { NonNull = true },
        GraphQLListType list => new RemoteTypeRef(null, Ref(list.Type), false),
        GraphQLNamedType named => new RemoteTypeRef(named.Name.StringValue, null, false),
        _ => throw new NotSupportedException(type.GetType().Name),
    };
}
