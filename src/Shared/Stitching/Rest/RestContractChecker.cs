using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using GraphQL.Types;

namespace Bff.Stitching.Rest;

/// <summary>Checks a <c>@rest</c> binding against its source's OpenAPI operation: path, parameters, body.</summary>
internal static class RestContractChecker
{
    public static void Check(RestBinding rest, FieldType field, OpenApiContract contract, List<string> errors)
    {
        var pathShape = OpenApiOperation.Normalize(string.Concat(rest.Path.Parts.Select(p => p is string s ? s : "{}")));
        var operation = contract.Find(rest.Method, pathShape);
        if (operation is null)
        {
            var known = contract.Operations.Select(o => $"{o.Method} {o.Path}");
            errors.Add($"@rest {rest.Method} {rest.Path.Text} matches no operation of {contract.File} (operations: {string.Join(", ", known)}).");
            return;
        }

        rest.ContractOperation = operation.Name;
        foreach (var (name, template) in rest.Query)
        {
            var parameter = operation.Parameters.FirstOrDefault(p => p.In == "query" && p.Name == name);
            if (parameter is null)
            {
                errors.Add($"@rest query parameter '{name}' is not a parameter of {operation.Method} {operation.Path} in {contract.File}.");
            }
            else
            {
                rest.Serialization["query:" + name] = new(parameter.Style, parameter.Explode, name);
                ShapeChecker.MapEnumValues(template, parameter.Shape, field, $"@rest query parameter '{name}'", errors);
                ShapeChecker.CheckArgument(template.Single, parameter.Shape, field, name, $"@rest query parameter '{name}'", errors);
            }
        }

        foreach (var required in operation.Parameters.Where(p => p.In == "query" && p.Required))
        {
            if (!rest.Query.Any(q => q.Key == required.Name))
            {
                errors.Add($"@rest query parameter '{required.Name}' is required by {operation.Method} {operation.Path} in {contract.File} but has no value.");
            }
        }

        var variables = System.Text.RegularExpressions.Regex.Matches(operation.Path, "\\{([^}]*)\\}").Select(m => m.Groups[1].Value);
        foreach (var (expression, name) in rest.Path.Expressions.Zip(variables))
        {
            if (operation.Parameters.FirstOrDefault(p => p.In == "path" && p.Name == name) is { } parameter)
            {
                rest.Serialization["path:" + expression.Text] = new(parameter.Style, parameter.Explode, name);
                ShapeChecker.CheckArgument(expression, parameter.Shape, field, name, $"@rest path parameter '{name}'", errors);
            }
        }

        foreach (var expression in rest.Path.Expressions.Where(e => e.Root == TemplateRoot.Args))
        {
            var argument = field.Arguments?.Find(expression.Path[0]);
            if (argument is not null && argument.ResolvedType is not NonNullGraphType && argument.DefaultValue is null)
            {
                errors.Add($"path variable {expression.Text} can be null: make argument '{argument.Name}' non-null or give it a default.");
            }
        }

        if (rest.Body.Templates.Any() && operation.RequestBody is { } body)
        {
            ShapeChecker.CheckMapping(rest.Body, body, field, $"@rest body of {operation.Method} {operation.Path}", errors);
        }
    }

    /// <summary>Gets the response shape of the operation a binding calls, if the contract knows it.</summary>
    public static ContractShape? ResponseOf(RestBinding rest, OpenApiContract contract)
    {
        var pathShape = OpenApiOperation.Normalize(string.Concat(rest.Path.Parts.Select(p => p is string s ? s : "{}")));
        return contract.Find(rest.Method, pathShape)?.Response;
    }
}
