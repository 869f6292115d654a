using System.Globalization;
using Bff.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

using Bff.Stitching.Contracts;

namespace Bff.Stitching.Grpc;

/// <summary>
/// Reads a gRPC source's contract from the running service through gRPC server reflection
/// (<c>grpc.reflection.v1alpha.ServerReflection</c>, which every gRPC server offering reflection serves), at start-up,
/// retrying with backoff while the service starts, for at most <see cref="SourceOptions.ContractWait"/>.
/// </summary>
internal static class GrpcReflectionContract
{
    /// <summary>The <c>Contract</c> value that selects server reflection.</summary>
    public const string Keyword = "reflection";

    /// <summary>Returns the unary methods the service reports, or <see langword="null"/> after adding a start-up problem.</summary>
    public static IReadOnlyDictionary<string, GrpcMethodContract>? Load(string source, SourceOptions options, string where,
        ICollection<string> errors, IDictionary<string, string> streaming, TimeProvider? time = null)
    {
        var address = Instances.SourceAddresses.First(options);
        if (address is null || !address.IsAbsoluteUri)
        {
            return null; // The missing address is reported with the other source settings.
        }

        // Start-up is synchronous and runs before the host serves anything: blocking here holds up nothing else.
        var (files, problem) = ReadAsync(address, options.ContractWait, time ?? TimeProvider.System).GetAwaiter().GetResult();
        if (files is null)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{where}: gRPC server reflection of source '{source}' at {address} did not answer within {options.ContractWait.TotalSeconds:0.###} s ({problem}); is the service running with reflection enabled?"));
            return null;
        }

        try
        {
            return ProtoContractLoader.Methods(ProtoCompiler.FromDescriptors(files), streaming);
        }
        catch (ProtoParseException ex)
        {
            errors.Add($"{where}: the descriptors source '{source}' sent through server reflection do not resolve: {ex.Reason}");
            return null;
        }
    }

    private static async Task<(List<ReadOnlyMemory<byte>>? Files, string Problem)> ReadAsync(Uri address, TimeSpan wait, TimeProvider time)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new ServerReflection.ServerReflectionClient(channel);
        var problem = string.Empty;
        var (last, _) = await ContractFetch.RetryAsync<List<ReadOnlyMemory<byte>>>(wait, time, async left =>
        {
            try
            {
                return Attempt<List<ReadOnlyMemory<byte>>>.Done(
                    await GrpcReflectionReader.ReadAllAsync(client, (time.GetUtcNow() + left).UtcDateTime).ConfigureAwait(false));
            }
            catch (RpcException ex) when (ex.StatusCode != StatusCode.DeadlineExceeded || problem.Length == 0)
            {
                // A try that ends at the deadline says less than the failure before it (a refused connection).
                problem = $"{ex.StatusCode}: {ex.Status.Detail}";
            }
            catch (RpcException)
            {
            }

            return Attempt<List<ReadOnlyMemory<byte>>>.Again(problem);
        }).ConfigureAwait(false);
        return (last.Value, last.Problem);
    }
}
