using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>
/// Checks where a binding's call may stream, once its contract has said whether it does: a <c>Subscription</c> field
/// needs a streaming call, a streaming call elsewhere backs a list field bounded by <c>take</c>, and neither batching
/// nor caching applies to streams.
/// </summary>
internal static class StreamBindingChecker
{
    public static void Check(FieldBinding binding, FieldType field, IObjectGraphType type, ISchema schema, string directive, List<string> errors)
    {
        var call = $"{directive} method '{binding.Operation}'";
        var found = binding.ContractOperation is not null;
        if (type == schema.Subscription)
        {
            if (found && !binding.Streams)
            {
                errors.Add($"{call} answers once, but a Subscription field needs a stream: bind a server-streaming method "
                    + "(rpc Watch (Request) returns (stream Event)), or move the field to Query or Mutation.");
            }

            if (binding.Take is not null)
            {
                errors.Add("take applies to list fields outside Subscription (a subscription receives every message); remove it.");
            }
        }
        else if (binding.Streams)
        {
            if (type == schema.Mutation)
            {
                errors.Add($"{call} is server-streaming, which a Mutation field cannot be bound to: bind a unary method, or move the field to Subscription.");
            }
            else if (binding.Take is null)
            {
                errors.Add($"{call} is server-streaming: outside Subscription it backs a list field only with a bound, take: N (the most "
                    + "messages collected before the stream is cancelled), e.g. take: 20; or move the field to Subscription.");
            }
            else if (!GraphTypes.IsList(field.ResolvedType!))
            {
                errors.Add($"take collects the messages of {call} into a list, but the field is not a list: make it [{GraphTypes.Named(field.ResolvedType!).Name}].");
            }
        }
        else if (found && binding.Take is not null)
        {
            errors.Add($"take applies to server-streaming methods; {call} answers once: remove take.");
        }

        if (binding.Take is < 1)
        {
            errors.Add($"take must be at least 1 (is {binding.Take}).");
        }

        if (binding.Streams && binding.BatchKey is not null)
        {
            errors.Add("batchKey does not apply to streams (each subscriber's stream is its own call); remove it.");
        }

        if (binding.Streams && binding.Cache is not null)
        {
            errors.Add("@cache does not apply to streams (each message is new); remove it.");
        }
    }
}
