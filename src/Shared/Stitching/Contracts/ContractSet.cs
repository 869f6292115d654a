using Bff.Hosting;
using Bff.Resilience;

namespace Bff.Stitching.Contracts;

/// <summary>The contracts of every configured source, loaded once at start-up.</summary>
public sealed class ContractSet
{
    /// <summary>Gets the problems found while loading sources and contracts.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Gets the OpenAPI contracts of REST sources, by source name.</summary>
    public Dictionary<string, OpenApiContract> Rest { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the gRPC methods of gRPC sources, by source name then <c>package.Service/Method</c>.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, GrpcMethodContract>> Grpc { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the streaming methods of gRPC sources (which bindings cannot call), by source name then method, with their kind.</summary>
    public Dictionary<string, Dictionary<string, string>> GrpcStreaming { get; } = new(StringComparer.Ordinal);

    /// <summary>Loads the contract of every source in <paramref name="options"/>; never throws for bad input.</summary>
    public static ContractSet Load(BffOptions options, string baseDirectory, string configurationFile)
    {
        var set = new ContractSet();
        set.Errors.AddRange(ResilienceOptionsValidator.Validate(options, configurationFile));
        foreach (var (name, source) in options.Sources)
        {
            var where = $"{configurationFile}: Bff:Sources:{name}";
            if (source.Addresses.Count == 0 && (source.BaseAddress is null || !source.BaseAddress.IsAbsoluteUri))
            {
                set.Errors.Add($"{where}:BaseAddress: an absolute URI is required (e.g. http://localhost:5301), or Addresses for several instances.");
            }

            if (source.Timeout <= TimeSpan.Zero)
            {
                set.Errors.Add($"{where}:Timeout: must be positive.");
            }

            if (source.MaxBatchSize < 1)
            {
                set.Errors.Add($"{where}:MaxBatchSize: must be at least 1.");
            }

            if (string.IsNullOrWhiteSpace(source.Contract))
            {
                set.Errors.Add($"{where}:Contract: the {(source.Kind == SourceKind.Rest ? "OpenAPI document" : ".proto file")} of the source is required.");
                continue;
            }

            if (source.Kind == SourceKind.Grpc && source.Contract == GrpcReflectionContract.Keyword)
            {
                set.LoadGrpc(name, streaming => GrpcReflectionContract.Load(name, source, $"{where}:Contract", set.Errors, streaming));
                continue;
            }

            var path = Path.Combine(baseDirectory, source.Contract);
            if (!File.Exists(path))
            {
                set.Errors.Add($"{where}:Contract: file '{source.Contract}' not found (looked at {path}).");
                continue;
            }

            if (source.Kind == SourceKind.Rest)
            {
                if (OpenApiContract.Load(source.Contract, path, set.Errors) is { } contract)
                {
                    set.Rest[name] = contract;
                }
            }
            else
            {
                set.LoadGrpc(name, streaming => ProtoContractLoader.Load(source.Contract, baseDirectory, source.ImportPaths, set.Errors, streaming));
            }
        }

        return set;
    }

    private void LoadGrpc(string name, Func<Dictionary<string, string>, IReadOnlyDictionary<string, GrpcMethodContract>?> load)
    {
        var streaming = GrpcStreaming[name] = new(StringComparer.Ordinal);
        if (load(streaming) is { } methods)
        {
            Grpc[name] = methods;
        }
    }
}
