using GraphQL;
using Bff.Stitching.Bindings;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>Reads the binding directive of a field (<c>@rest</c>, <c>@grpc</c>, … one per protocol) from a schema built from SDL.</summary>
public static class BindingReader
{
    /// <summary>
    /// Reads the binding of <paramref name="field"/>, or returns <see langword="null"/> when it has none.
    /// Problems are added to <paramref name="errors"/> as plain messages (the caller adds file and field).
    /// </summary>
    public static FieldBinding? Read(IComplexGraphType type, FieldType field, DownstreamProtocols protocols, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        var directives = field.GetAppliedDirectives();
        var applied = protocols.All.Select(p => (Protocol: p, Directive: directives?.Find(p.Directive))).Where(a => a.Directive is not null).ToList();
        if (applied.Count > 1)
        {
            errors.Add($"has both {string.Join(" and ", applied.Select(a => "@" + a.Protocol.Directive))}; bind a field to one call");
            return null;
        }

        if (applied.Count == 0)
        {
            return null;
        }

        var (protocol, directive) = (applied[0].Protocol, applied[0].Directive!);
        var batchKey = BindingArguments.Text(directive, "batchKey") is { } key ? ValueTemplate.Parse(key, errors) : null;
        var common = new BindingHeader(BindingArguments.Text(directive, "source") ?? "", type.Name, field.Name, BindingArguments.SplitPath(BindingArguments.Text(directive, "select")), batchKey,
            BindingArguments.SplitPath(BindingArguments.Text(directive, "matchOn") ?? "id"), BindingArguments.SplitPath(BindingArguments.Text(directive, "pick")), CachePolicyReader.Read(type, field, errors));
        if (common.Pick.Count > 0 && batchKey is null)
        {
            errors.Add("pick applies to batched bindings only; use select");
        }

        return protocol.Read(common, directive, errors);
    }
}
