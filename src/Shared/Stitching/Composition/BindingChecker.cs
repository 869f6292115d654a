using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>
/// Checks one binding against the field it is on and the configured sources: the source exists and speaks the
/// directive's protocol, every placeholder has a value, batching is complete, the call exists in the contract.
/// </summary>
internal static class BindingChecker
{
    public static void Check(
        FieldBinding binding, FieldType field, IObjectGraphType type, ISchema schema, IReadOnlyDictionary<string, SourceOptions> sources, ContractSet contracts, DownstreamProtocols protocols, List<string> errors)
    {
        var protocol = protocols.For(binding);
        var directive = "@" + protocol.Directive;
        if (!sources.TryGetValue(binding.Source, out var source))
        {
            errors.Add($"{directive} source '{binding.Source}' is not configured (configured sources: {string.Join(", ", sources.Keys.Order())}).");
            return;
        }

        if (source.Kind != binding.Kind)
        {
            errors.Add($"{directive} source '{binding.Source}' is a {source.Kind} source.");
            return;
        }

        if (binding.Cache is { Scope: CacheScope.Public } && source.Auth is { Mode: SourceAuthMode.Forward, AnswersVaryByCaller: true })
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

        if (contracts.For(binding) is { } contract)
        {
            protocol.Check(binding, field, contract, errors);
            binding.Idempotent = protocol.IsIdempotent(binding, contract);
            binding.Streams = protocol.IsStream(binding, contract);
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
