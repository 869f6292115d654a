using Bff.Protobuf;
using Bff.Stitching.Contracts;

namespace Bff.Stitching.Grpc;

/// <summary>Loads a gRPC source's <c>.proto</c> file (and everything it imports) into method contracts.</summary>
internal static class ProtoContractLoader
{
    /// <summary>The folder under the application's base directory holding googleapis' common <c>.proto</c> files.</summary>
    public const string BundledProtos = "protos";

    /// <summary>Returns the unary and server-streaming methods; client-streaming methods go to <paramref name="streaming"/> with their kind, so a binding to one is told why it cannot be bound.</summary>
    /// <param name="displayPath">The contract as configured (relative to <paramref name="baseDirectory"/>), for messages.</param>
    /// <param name="baseDirectory">The application's base directory.</param>
    /// <param name="importPaths">The source's extra import paths, relative to <paramref name="baseDirectory"/>.</param>
    /// <param name="errors">Receives start-up problems, <c>file:line:col: message</c>.</param>
    /// <param name="streaming">Receives the client-streaming and bidirectional methods.</param>
    public static IReadOnlyDictionary<string, GrpcMethodContract>? Load(string displayPath, string baseDirectory, IEnumerable<string> importPaths,
        ICollection<string> errors, IDictionary<string, string> streaming)
    {
        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, displayPath));
        var contractDirectory = Path.GetDirectoryName(fullPath)!;
        var paths = importPaths.Select(p => Path.GetFullPath(Path.Combine(baseDirectory, p)))
            .Append(contractDirectory)
            .Append(Path.Combine(AppContext.BaseDirectory, BundledProtos))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // As protoc: the root file is named relative to the first import path holding it, so files importing it agree on its name.
        var root = paths.First(p => fullPath.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var compilation = ProtoCompiler.Compile(Path.GetRelativePath(root, fullPath), paths);
        foreach (var error in compilation.Errors)
        {
            errors.Add(Located(error, paths, baseDirectory).ToString());
        }

        return compilation.Schema is { } schema ? Methods(schema, streaming) : null;
    }

    /// <summary>Turns the services of <paramref name="schema"/> into method contracts; methods the client streams to go to <paramref name="streaming"/>.</summary>
    public static Dictionary<string, GrpcMethodContract> Methods(ProtoSchemaSet schema, IDictionary<string, string> streaming)
    {
        var shapes = new ProtoShapeBuilder();
        var methods = new Dictionary<string, GrpcMethodContract>(StringComparer.Ordinal);
        foreach (var method in schema.Services.SelectMany(s => s.Methods))
        {
            if (!method.ClientStreaming)
            {
                methods[method.FullName] = new GrpcMethodContract(
                    method.FullName, shapes.ForRoot(method.InputType), shapes.ForRoot(method.OutputType), method.IsIdempotent, method, method.ServerStreaming);
            }
            else
            {
                streaming[method.FullName] = method.ServerStreaming ? "bidirectional streaming" : "client-streaming";
            }
        }

        return methods;
    }

    // A problem in a file of ours is named by its path from the base directory, as configuration names files; one in a bundled file keeps its import name.
    private static ProtoDiagnostic Located(ProtoDiagnostic error, List<string> paths, string baseDirectory)
    {
        var found = paths.Select(p => Path.Combine(p, error.File)).FirstOrDefault(File.Exists);
        return found is null || found.StartsWith(Path.Combine(AppContext.BaseDirectory, BundledProtos), StringComparison.Ordinal)
            ? error
            : error with { File = Path.GetRelativePath(baseDirectory, found).Replace('\\', '/') };
    }
}
