using Bff.Hosting;
using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using GraphQL.Types;

namespace Bff.Stitching;

/// <summary>
/// Checks one binding against the field it is on and the configured sources: the source exists and speaks the
/// directive's protocol, every placeholder has a value, batching is complete, the call exists in the contract.
/// </summary>
internal static class BindingChecker
{
    public static void Check(FieldBinding binding, FieldType field, IObjectGraphType type, ISchema schema, BffOptions options, ContractSet contracts, List<string> errors)
    {
        var directive = binding is RestBinding ? "@rest" : "@grpc";
        if (!options.Sources.TryGetValue(binding.Source, out var source))
        {
            errors.Add($"{directive} source '{binding.Source}' is not configured (configured sources: {string.Join(", ", options.Sources.Keys.Order())}).");
            return;
        }

        var expected = binding is RestBinding ? SourceKind.Rest : SourceKind.Grpc;
        if (source.Kind != expected)
        {
            errors.Add($"{directive} source '{binding.Source}' is a {source.Kind} source.");
            return;
        }

        if (binding.Cache is { Scope: Caching.CacheScope.Public } && source.Auth is { Mode: SourceAuthMode.Forward, AnswersVaryByCaller: true })
        {
            errors.Add($"@cache(scope: PUBLIC) on source '{binding.Source}', which receives the caller's token (Auth:Mode Forward): "
                + "its answers may differ per caller, so one caller's data could be served to another; use scope: PRIVATE, "
                + $"or set Bff:Sources:{binding.Source}:Auth:AnswersVaryByCaller to false if the source answers every caller alike.");
        }

        var isRoot = type == schema.Query || type == schema.Mutation;
        foreach (var expression in binding.Templates.SelectMany(t => t.Expressions))
        {
            CheckExpression(binding, field, isRoot, expression, errors);
        }

        if (binding.BatchKey is not null)
        {
            if (!binding.Templates.Any(t => t.Expressions.Any(e => e.Root == Bindings.TemplateRoot.Keys)))
            {
                errors.Add($"{directive} has batchKey but no template uses {{keys}}, so the batch cannot be sent.");
            }

            if (binding.Templates.Where(t => t != binding.BatchKey).SelectMany(t => t.Expressions).Any(e => e.Root == Bindings.TemplateRoot.Parent))
            {
                errors.Add($"{directive} is batched: only batchKey may read {{parent.…}}; the call serves many parents.");
            }
        }

        switch (binding)
        {
            case RestBinding rest when contracts.Rest.TryGetValue(binding.Source, out var openApi):
                RestContractChecker.Check(rest, field, openApi, errors);
                break;
            case GrpcBinding grpc when contracts.Grpc.TryGetValue(binding.Source, out var methods):
                if (contracts.GrpcStreaming.GetValueOrDefault(binding.Source)?.GetValueOrDefault(grpc.Method) is { } streaming)
                {
                    errors.Add($"@grpc method '{grpc.Method}' is {streaming}; "
                        + (streaming == "server-streaming" ? "server streaming backs Subscription fields, which are not supported yet: " : "the gateway calls unary methods only: ")
                        + "bind a unary method (one request, one response).");
                }
                else if (!methods.TryGetValue(grpc.Method, out var method))
                {
                    errors.Add($"@grpc method '{grpc.Method}' is not in {source.Contract} (methods: {string.Join(", ", methods.Keys.Order())}).");
                }
                else
                {
                    grpc.ContractOperation = grpc.Method;
                    ShapeChecker.CheckMapping(grpc.Request, method.Input, field, $"@grpc request of {grpc.Method}", errors);
                }

                break;
        }
    }

    private static void CheckExpression(FieldBinding binding, FieldType field, bool isRoot, TemplateExpression expression, List<string> errors)
    {
        switch (expression.Root)
        {
            case TemplateRoot.Args when field.Arguments?.Find(expression.Path[0]) is null:
                errors.Add($"{expression.Text} has no value: the field has no argument '{expression.Path[0]}'.");
                break;
            case TemplateRoot.Parent when isRoot:
                errors.Add($"{expression.Text} has no value: a root field has no parent.");
                break;
            case TemplateRoot.Keys when binding.BatchKey is null:
                errors.Add($"{expression.Text} has no value: the binding has no batchKey.");
                break;
        }
    }
}
