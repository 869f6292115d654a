using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>
/// Knows which source answered the downstream JSON a field reads (the nearest bound field above it), so that a
/// value that does not fit the schema (<see cref="OutputConverter.Mismatch"/>) is reported against that source.
/// </summary>
internal static class ResponseSource
{
    private const string MetadataKey = "bff:source";

    /// <summary>Records that <paramref name="field"/> is answered by <paramref name="source"/>.</summary>
    public static void Mark(FieldType field, string source) => field.Metadata[MetadataKey] = source;

    /// <summary>Gets the source of the nearest bound field at or above <paramref name="context"/>.</summary>
    public static string? Of(IResolveFieldContext? context)
    {
        for (; context is not null; context = context.Parent)
        {
            if (context.FieldDefinition.GetMetadata<string>(MetadataKey) is { } source)
            {
                return source;
            }
        }

        return null;
    }

    /// <summary>
    /// Converts the downstream value <paramref name="node"/> of a field bound to <paramref name="source"/> to its type
    /// <paramref name="type"/>; a value that does not fit is <paramref name="source"/>'s failure, as a failed call is.
    /// </summary>
    public static object? Convert(JsonNode? node, IGraphType type, string source)
    {
        try
        {
            return OutputConverter.Convert(node, type);
        }
        catch (BffError ex) when (ex is not DownstreamFailure && ex.Code == ErrorCodes.DownstreamError)
        {
            throw Attribute(ex, source);
        }
    }

    /// <summary>Turns a mismatch into the failure of <paramref name="source"/>'s answer, when the source is known.</summary>
    public static BffError Attribute(BffError mismatch, string? source) => source is null
        ? mismatch
        : DownstreamErrors.Error(source, OutputConverter.InvalidResponse, $"{source}: {mismatch.Message}");
}
