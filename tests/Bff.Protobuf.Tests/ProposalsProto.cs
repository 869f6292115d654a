using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bff.Protobuf.Tests;

/// <summary>The demo's <c>schemas/downstream/proposals.proto</c> (copied beside the test binaries) as the codec reads it.</summary>
internal static class ProposalsProto
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<ProtoSchemaSet> Proposals = new(() =>
    {
        var compilation = ProtoCompiler.Compile("proposals.proto", [ProtoFiles.ProtosDirectory]);
        return compilation.Schema ?? throw new InvalidOperationException(string.Join("\n", compilation.Errors));
    });

    /// <summary>Gets a message of proposals.proto by simple name.</summary>
    public static ProtoMessage ProposalsMessage(string name) =>
        Proposals.Value.TryFindMessage($"marketplace.proposals.v1.{name}", out var message)
            ? message
            : throw new InvalidOperationException($"proposals.proto has no message {name}");

    /// <summary>Serializes <paramref name="node"/> without escaping non-ASCII text, for readable comparisons.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(RelaxedJson) ?? "null";
}
