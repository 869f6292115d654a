using Bff.Hosting;
using Bff.Stitching;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Stitching.Composition;
using Bff.Stitching.Bindings;

namespace Bff.Tests.Fixtures;

/// <summary>
/// Builds a schema at start-up against contracts of its own: a gRPC source <c>things</c> (a .proto) and a REST
/// source <c>rest</c> (an OpenAPI document), both written beside the binaries for the one build.
/// </summary>
public static class ContractSchema
{
    /// <summary>Builds <paramref name="sdl"/>, or throws <see cref="BffConfigurationException"/> listing every problem.</summary>
    public static BffSchema Build(string sdl, string? proto = null, string? openApi = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var files = new List<string>();
        try
        {
            var options = new BffOptions { Schema = Write(files, $"schemas/mapping-{id}.graphql", sdl) };
            if (proto is not null)
            {
                options.Sources["things"] = new SourceOptions { Kind = SourceKind.Grpc, Contract = Write(files, $"schemas/mapping-{id}.proto", proto), BaseAddress = new Uri("http://127.0.0.1:1") };
            }

            if (openApi is not null)
            {
                options.Sources["rest"] = new SourceOptions { Kind = SourceKind.Rest, Contract = Write(files, $"schemas/mapping-{id}.json", openApi), BaseAddress = new Uri("http://127.0.0.1:1") };
            }

            var contracts = ContractSet.Load(options.Sources, TestProtocols.All, AppContext.BaseDirectory, "appsettings.json");
            var dispatcher = new DownstreamDispatcher(new Dictionary<string, IDownstreamConnector>(), TimeProvider.System);
            return BffSchemaBuilder.Build(options.Schema, options.Sources, AppContext.BaseDirectory, contracts, TestProtocols.All, dispatcher);
        }
        finally
        {
            files.ForEach(f => File.Delete(Path.Combine(AppContext.BaseDirectory, f)));
        }
    }

    /// <summary>Builds <paramref name="sdl"/> and returns the start-up error, failing when it builds.</summary>
    public static string Fail(string sdl, string? proto = null, string? openApi = null) =>
        Assert.Throws<BffConfigurationException>(() => Build(sdl, proto, openApi)).Message;

    private static string Write(List<string> files, string file, string text)
    {
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), text);
        files.Add(file);
        return file;
    }
}
