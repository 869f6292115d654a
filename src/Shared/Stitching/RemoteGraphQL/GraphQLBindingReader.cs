using Bff.Stitching.Bindings;
using GraphQL.Types;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>Reads the arguments of <c>@graphql</c>: the remote root field and its arguments.</summary>
internal static class GraphQLBindingReader
{
    public static GraphQLBinding Read(BindingHeader common, AppliedDirective directive, List<string> errors)
    {
        var field = BindingArguments.Text(directive, "field") ?? "";
        if (!System.Text.RegularExpressions.Regex.IsMatch(field, "^[_A-Za-z][_0-9A-Za-z]*$"))
        {
            errors.Add($"@graphql field '{field}' is not a GraphQL field name (the remote root field, e.g. ratings)");
        }

        var arguments = ObjectMapping.Parse(BindingArguments.Text(directive, "arguments"), errors);
        if (arguments.Whole is not null)
        {
            errors.Add("@graphql arguments must be 'name: template, …' (one entry per argument of the remote field)");
        }

        foreach (var (name, _) in arguments.Entries.Where(e => e.Key.Contains('.', StringComparison.Ordinal)))
        {
            errors.Add($"@graphql argument '{name}' must be an argument name; pass an input object whole with {{args.…}}");
        }

        // Our Mutation fields call remote mutations; every other field (on Query or below it) calls a remote query.
        var operation = common.TypeName == "Mutation" ? RemoteOperation.Mutation : RemoteOperation.Query;
        return new GraphQLBinding(common, operation, field) { Arguments = arguments };
    }
}
