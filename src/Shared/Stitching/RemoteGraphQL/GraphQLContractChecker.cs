using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Types;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Checks a <c>@graphql</c> binding against the remote schema: the root field exists, every argument sent exists and
/// fits, every required argument is sent, nullability agrees, and the arguments of fields below it exist remotely.
/// (Field names and scalar types below the root field are checked by the shared contract checker.)
/// </summary>
internal static class GraphQLContractChecker
{
    public static void Check(GraphQLBinding binding, FieldType field, GraphQLContract contract, List<string> errors)
    {
        var schema = contract.Schema;
        if (schema.Root(binding.RemoteOperation) is not { } root)
        {
            errors.Add($"@graphql: {contract.File} has no {binding.RemoteOperation.ToString().ToLowerInvariant()} type.");
            return;
        }

        if (!root.Fields.TryGetValue(binding.RemoteField, out var remote))
        {
            errors.Add($"@graphql field '{binding.RemoteField}' is not a field of {root.Name} in {contract.File} (fields: {string.Join(", ", root.Fields.Keys.Order())}).");
            return;
        }

        var where = $"{root.Name}.{remote.Name}";
        binding.ContractOperation = where;
        ShapeChecker.CheckMapping(binding.Arguments, contract.Shapes.ArgumentsOf(remote, where), field, $"@graphql arguments of {where}", errors);
        foreach (var (name, template) in binding.Arguments.Entries.Where(e => !e.Value.Expressions.Any()))
        {
            if (remote.Arguments.GetValueOrDefault(name) is { Type.Name: "Int" or "Float" or "Boolean" } literal && DelegatedQuery.Literal(template, literal.Type) is null)
            {
                errors.Add($"@graphql arguments of {where}: '{name}: {template.Text}' is not a {literal.Type.Name}.");
            }
        }

        foreach (var missing in remote.Arguments.Values.Where(a => a.Required && !binding.Arguments.Entries.Any(e => e.Key == a.Name)))
        {
            errors.Add($"@graphql: {where} requires argument '{missing.Name}: {missing.Type}'; add it to arguments.");
        }

        if (field.ResolvedType is NonNullGraphType && binding.Below.Count == 0 && binding.BatchKey is null && !remote.Type.NonNull)
        {
            errors.Add($"type mismatch: the field is non-null but {where} ({remote.Type}) may be null; make the field nullable.");
        }

        CheckBelow(field.ResolvedType!, schema, remote.Type, where, errors, []);
    }

    // Fields below the bound one send their own arguments to the remote field of the same name.
    private static void CheckBelow(IGraphType ours, RemoteSchema schema, RemoteTypeRef remote, string where, List<string> errors, HashSet<string> visited)
    {
        if (GraphTypes.Named(ours) is IAbstractGraphType abstractType && visited.Add(abstractType.Name))
        {
            // Each possible type is checked against the remote type of its name (what a fragment on it asks for).
            foreach (var possible in abstractType.PossibleTypes)
            {
                CheckBelow(possible, schema, new RemoteTypeRef(possible.Name, null, false), where, errors, visited);
            }
        }

        if (GraphTypes.Named(ours) is not IObjectGraphType type || schema.Types.GetValueOrDefault(remote.NamedType) is not { } remoteType
            || !visited.Add(type.Name))
        {
            return;
        }

        foreach (var field in type.Fields)
        {
            var name = field.GetAppliedDirectives()?.Find("from")?.FindArgument("path")?.Value as string ?? field.Name;
            if (name.Contains('.', StringComparison.Ordinal) || !remoteType.Fields.TryGetValue(name, out var remoteField))
            {
                continue;
            }

            foreach (var argument in field.Arguments ?? [])
            {
                if (!remoteField.Arguments.TryGetValue(argument.Name, out var remoteArgument))
                {
                    errors.Add($"{type.Name}.{field.Name}: argument '{argument.Name}' is not an argument of {remoteType.Name}.{name} in {where}'s service "
                        + $"(arguments: {string.Join(", ", remoteField.Arguments.Keys.Order())}).");
                }
                else if (remoteArgument.Type.NamedType == "Int" && GraphTypes.Named(argument.ResolvedType!).Name == "Int" && GraphTypes.IsList(field.ResolvedType!)
                    && ArgumentRange.Read(field).FirstOrDefault(r => r.Argument == argument.Name)?.Max is null)
                {
                    // The value goes to the remote as it is: unbounded, one request could ask for every row it has.
                    errors.Add($"{type.Name}.{field.Name}: argument '{argument.Name}' sizes a list the remote service returns and has no upper bound; "
                        + $"add @range(min: 0, max: …) to it.");
                }
                else if (GraphTypes.Named(argument.ResolvedType!).Name != remoteArgument.Type.NamedType)
                {
                    errors.Add($"{type.Name}.{field.Name}: type mismatch: argument '{argument.Name}' is {GraphTypes.Named(argument.ResolvedType!).Name} but {remoteType.Name}.{name} takes {remoteArgument.Type}.");
                }
            }

            foreach (var required in remoteField.Arguments.Values.Where(a => a.Required && field.Arguments?.Find(a.Name) is null))
            {
                errors.Add($"{type.Name}.{field.Name}: {remoteType.Name}.{name} requires argument '{required.Name}: {required.Type}'; declare it on the field.");
            }

            CheckBelow(field.ResolvedType!, schema, remoteField.Type, where, errors, visited);
        }
    }
}
