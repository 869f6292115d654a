using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Protobuf;
using Bff.Stitching.Grpc;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>Finds the repository's downstream contracts and loads them for the gRPC stitching tests.</summary>
internal static class ProtoTestFiles
{
    /// <summary>Gets the path of <c>schemas/downstream/proposals.proto</c>, found by walking up from the test binaries.</summary>
    public static string ProposalsPath { get; } = FindUp(Path.Combine("schemas", "downstream", "proposals.proto"));

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<ProtoSchemaSet> Proposals = new(() => Schema(File.ReadAllText(ProposalsPath), "proposals.proto"));

    /// <summary>Gets the schema set of proposals.proto (shared, it is immutable).</summary>
    public static ProtoSchemaSet ProposalsSchema => Proposals.Value;

    /// <summary>Gets a message of proposals.proto by simple name.</summary>
    public static ProtoMessage ProposalsMessage(string name) =>
        ProposalsSchema.TryFindMessage($"marketplace.proposals.v1.{name}", out var message)
            ? message
            : throw new InvalidOperationException($"proposals.proto has no message {name}");

    /// <summary>Gets a method of the proposal service by simple name.</summary>
    public static ProtoMethod ProposalsMethod(string name) =>
        ProposalsSchema.TryFindMethod($"marketplace.proposals.v1.ProposalService/{name}", out var method)
            ? method
            : throw new InvalidOperationException($"ProposalService has no method {name}");

    /// <summary>Serializes <paramref name="node"/> without escaping non-ASCII text, for readable comparisons.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(RelaxedJson) ?? "null";

    /// <summary>Compiles <paramref name="text"/> (named <c>test.proto</c>) alone; imports of the well-known types resolve.</summary>
    public static ProtoSchemaSet Schema(string text, string fileName = "test.proto")
    {
        var compilation = ProtoCompiler.CompileText(text, fileName);
        return compilation.Schema ?? throw new InvalidOperationException(string.Join("\n", compilation.Errors));
    }

    private static string FindUp(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
