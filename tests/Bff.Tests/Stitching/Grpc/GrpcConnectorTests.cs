using System.Security.Claims;
using System.Text.Json.Nodes;
using Bff.Stitching;
using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Protobuf;
using Bff.Stitching.Grpc;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>The gRPC connector against the real demo proposals service over h2c.</summary>
[Collection(DemoCollection.Name)]
public sealed class GrpcConnectorTests(DemoServicesFixture demo)
{
    // A contract that has drifted from the service: GetProposal's answer is read as a message whose field 1 is a
    // nested message, while the service sends the proposal id (a string) there.
    private const string DriftedContract = """
        syntax = "proto3";
        package marketplace.proposals.v1;
        service ProposalService { rpc GetProposal (GetProposalRequest) returns (Drifted); }
        message GetProposalRequest { string id = 1; }
        message Inner { string x = 1; fixed64 y = 6; }
        message Drifted { Inner id = 1; }
        """;

    [Fact]
    public async Task An_answer_that_does_not_fit_the_contract_is_a_downstream_error_not_an_internal_one()
    {
        var connector = Connector(DriftedContract);

        var error = await Assert.ThrowsAsync<DownstreamFailure>(() => connector.SendAsync(Call("pr1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.DownstreamError, error.Code);
        Assert.Equal("invalid_message", error.ExtraExtensions["status"]);
        Assert.Equal("proposals", error.ExtraExtensions["source"]);
    }

    [Fact]
    public async Task A_fitting_answer_is_decoded_and_an_unknown_id_is_not_found()
    {
        var connector = Connector(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas/downstream/proposals.proto")));

        var found = await connector.SendAsync(Call("pr1"), CancellationToken.None);
        var missing = await connector.SendAsync(Call("nope"), CancellationToken.None);

        Assert.Equal("pr1", (string?)found.Body!["id"]);
        Assert.Null(missing.Body);
        Assert.Equal("NotFound", missing.Status);
    }

    private GrpcConnector Connector(string proto)
    {
        var set = ProtoTestFiles.Schema(proto, "proposals.proto");
        set.TryFindMethod("marketplace.proposals.v1.ProposalService/GetProposal", out var method);
        var methods = new Dictionary<string, GrpcMethodContract>
        {
            [method!.FullName] = new(method.FullName, set.GetShape(method.InputType), set.GetShape(method.OutputType), method.IsIdempotent, method),
        };
        var options = new SourceOptions { Kind = SourceKind.Grpc, BaseAddress = demo.ProposalsUrl };
        return new GrpcConnector("proposals", options, new Clients(), methods, TimeProvider.System);
    }

    private static DownstreamCall Call(string id)
    {
        var binding = new GrpcBinding
        {
            Source = "proposals",
            TypeName = "Query",
            FieldName = "proposal",
            Method = "marketplace.proposals.v1.ProposalService/GetProposal",
            Request = ObjectMapping.Parse("id: {args.id}", new List<string>()),
        };
        var scope = new BindingScope(new JsonObject { ["id"] = id }, null, new ClaimsPrincipal());
        return new DownstreamCall(binding, scope, new BffRequestContext(new ClaimsPrincipal(), new Dictionary<string, string>()), 1, "grpc");
    }

    private sealed class Clients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new SocketsHttpHandler());
    }
}
