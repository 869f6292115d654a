using Bff.Stitching.Contracts;

namespace Bff.Stitching.Grpc;

/// <summary>Loads a gRPC source's <c>.proto</c> file (and the local files it imports) into method contracts.</summary>
internal static class ProtoContractLoader
{
    /// <summary>Returns the unary methods; streaming methods go to <paramref name="streaming"/> with their kind, so a binding to one is told why it cannot be bound.</summary>
    public static IReadOnlyDictionary<string, GrpcMethodContract>? Load(string displayPath, string fullPath, ICollection<string> errors, IDictionary<string, string> streaming)
    {
        var files = new List<ProtoFile>();
        var directory = Path.GetDirectoryName(fullPath)!;
        var pending = new Queue<(string Display, string Full)>([(displayPath, fullPath)]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (pending.TryDequeue(out var next))
            {
                if (!seen.Add(next.Full))
                {
                    continue;
                }

                var file = ProtoParser.Parse(File.ReadAllText(next.Full), next.Display);
                files.Add(file);
                foreach (var import in file.Imports.Where(i => !i.StartsWith("google/protobuf/", StringComparison.Ordinal)))
                {
                    var importPath = Path.Combine(directory, import);
                    if (!File.Exists(importPath))
                    {
                        errors.Add($"{next.Display}: import '{import}' not found beside it (looked at {importPath}).");
                        return null;
                    }

                    pending.Enqueue((Path.Combine(Path.GetDirectoryName(displayPath) ?? "", import), importPath));
                }
            }

            var set = ProtoSchemaSet.Create(files);
            var methods = new Dictionary<string, GrpcMethodContract>(StringComparer.Ordinal);
            foreach (var method in set.Services.SelectMany(s => s.Methods).Where(m => !m.IsUnary))
            {
                streaming[method.FullName] = (method.ClientStreaming, method.ServerStreaming) switch
                {
                    (true, true) => "bidirectional streaming",
                    (true, false) => "client-streaming",
                    _ => "server-streaming",
                };
            }

            foreach (var method in set.Services.SelectMany(s => s.Methods).Where(m => m.IsUnary))
            {
                methods[method.FullName] = new GrpcMethodContract(
                    method.FullName, set.GetShape(method.InputType), set.GetShape(method.OutputType), method.IsIdempotent, method);
            }

            return methods;
        }
        catch (ProtoParseException ex)
        {
            errors.Add(ex.Message);
            return null;
        }
        catch (IOException ex)
        {
            errors.Add($"{displayPath}: {ex.Message}");
            return null;
        }
    }
}
