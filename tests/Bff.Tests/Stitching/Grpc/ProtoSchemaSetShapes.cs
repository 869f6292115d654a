using System.Runtime.CompilerServices;
using Bff.Protobuf;
using Bff.Stitching.Contracts;
using Bff.Stitching.Grpc;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>The contract shapes of a schema set's messages, one shape builder per set (as one contract load has).</summary>
internal static class ProtoSchemaSetShapes
{
    private static readonly ConditionalWeakTable<ProtoSchemaSet, ProtoShapeBuilder> Builders = [];

    /// <summary>Gets the shape of <paramref name="message"/> as a request or response.</summary>
    public static ContractShape GetShape(this ProtoSchemaSet set, ProtoMessage message)
    {
        var builder = Builders.GetValue(set, static _ => new ProtoShapeBuilder());
        lock (builder)
        {
            return builder.ForRoot(message);
        }
    }
}
