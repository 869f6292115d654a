using Bff.Hosting;
using Bff.Stitching;
using Bff.Stitching.Bindings;
using Bff.Stitching.Composition;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>Builds a host schema whose source <c>reviews</c> is a GraphQL service described by the shipped reviews SDL.</summary>
internal static class RemoteSchemaBuild
{
    public const string Contract = "schemas/downstream/reviews.graphql";

    public static BffSchema Build(string sdl, string? file = null)
    {
        file ??= $"schemas/remote-{Guid.NewGuid():N}.graphql";
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), sdl);
        try
        {
            var options = new BffOptions { Schema = file };
            options.Sources["reviews"] = new SourceOptions { Kind = SourceKind.GraphQL, Contract = Contract, BaseAddress = new Uri("http://127.0.0.1:1/graphql") };
            var contracts = ContractSet.Load(options.Sources, TestProtocols.All, AppContext.BaseDirectory, "appsettings.json");
            var dispatcher = new DownstreamDispatcher(new Dictionary<string, IDownstreamConnector>(), TimeProvider.System);
            return BffSchemaBuilder.Build(options.Schema, options.Sources, AppContext.BaseDirectory, contracts, TestProtocols.All, dispatcher);
        }
        finally
        {
            File.Delete(Path.Combine(AppContext.BaseDirectory, file));
        }
    }

    public static string Fail(string sdl, string file) => Assert.Throws<BffConfigurationException>(() => Build(sdl, file)).Message;
}
