using System.Text.Json.Nodes;
using Bff.Protobuf;
using Bff.Stitching.Grpc;
using Grpc.Core;
using Xunit;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>Calls a real gRPC server over HTTP/2 with nothing but the .proto text and JSON.</summary>
public sealed class DynamicGrpcInvokerTests(GrpcTestServer server) : IClassFixture<GrpcTestServer>
{
    [Fact]
    public async Task Calls_a_unary_method_with_json_in_and_json_out()
    {
        var method = ProtoTestFiles.ProposalsMethod("ListProposals");

        var response = await DynamicGrpcInvoker.InvokeAsync(server.Channel.CreateCallInvoker(), method, new JsonObject { ["jobId"] = "j-1", ["page_size"] = 1 });

        Assert.Equal(
            """{"proposals":[{"id":"p-1","job_id":"j-1","freelancer_id":"f-1","cover_letter":"","bid":{"currency":"USD","amount_cents":50000},"status":"PROPOSAL_STATUS_PENDING","submitted_at":"","estimated_days":5}],"next_page_token":"more","total_size":2}""",
            ProtoTestFiles.Json(response));
    }

    [Fact]
    public async Task Sends_lists_nested_messages_and_headers()
    {
        var invoker = server.Channel.CreateCallInvoker();
        var batch = await DynamicGrpcInvoker.InvokeAsync(invoker, ProtoTestFiles.ProposalsMethod("BatchGetProposalsByJob"),
            new JsonObject { ["job_ids"] = new JsonArray("j-2", "j-404") });
        var headers = new Metadata { { "x-submitted-at", "2024-06-01T00:00:00Z" } };
        var submitted = await DynamicGrpcInvoker.InvokeAsync(invoker, ProtoTestFiles.ProposalsMethod("SubmitProposal"),
            JsonNode.Parse("""{"job_id":"j-3","freelancer_id":"f-3","bid":{"currency":"EUR","amount_cents":"1999"},"estimated_days":2}""")!.AsObject(),
            new CallOptions(headers, deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal("p-3", Assert.Single(batch["proposals"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(1999L, submitted["bid"]!["amount_cents"]!.GetValue<long>());
        Assert.Equal("2024-06-01T00:00:00Z", submitted["submitted_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Surfaces_grpc_status_errors()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => DynamicGrpcInvoker.InvokeAsync(
            server.Channel.CreateCallInvoker(), ProtoTestFiles.ProposalsMethod("GetProposal"), new JsonObject { ["id"] = "nope" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("proposal nope not found", error.Status.Detail);
    }

    [Fact]
    public async Task Unimplemented_methods_and_bad_requests_fail_before_or_at_the_server()
    {
        var invoker = server.Channel.CreateCallInvoker();

        var unimplemented = await Assert.ThrowsAsync<RpcException>(() => DynamicGrpcInvoker.InvokeAsync(
            invoker, ProtoTestFiles.ProposalsMethod("BatchGetJobStats"), []));
        await Assert.ThrowsAsync<ProtoEncodeException>(() => DynamicGrpcInvoker.InvokeAsync(
            invoker, ProtoTestFiles.ProposalsMethod("GetProposal"), new JsonObject { ["identifier"] = "p-1" }));

        Assert.Equal(StatusCode.Unimplemented, unimplemented.StatusCode);
    }

    [Fact]
    public void Caches_one_raw_method_per_proto_method_and_refuses_client_streaming()
    {
        var method = ProtoTestFiles.ProposalsMethod("GetProposal");
        var streaming = ProtoTestFiles.Schema("""
            syntax = "proto3";
            message M {}
            service S { rpc Watch (M) returns (stream M); rpc Upload (stream M) returns (M); rpc Chat (stream M) returns (stream M); }
            """);
        Assert.True(streaming.TryFindMethod("S/Watch", out var watch));
        Assert.True(streaming.TryFindMethod("S/Upload", out var upload));
        Assert.True(streaming.TryFindMethod("S/Chat", out var chat));

        var raw = DynamicGrpcInvoker.GetMethod(method);

        Assert.Same(raw, DynamicGrpcInvoker.GetMethod(method));
        Assert.Equal("/marketplace.proposals.v1.ProposalService/GetProposal", raw.FullName);
        Assert.Equal(MethodType.Unary, raw.Type);
        Assert.Equal(MethodType.ServerStreaming, DynamicGrpcInvoker.GetMethod(watch).Type);
        Assert.Throws<NotSupportedException>(() => DynamicGrpcInvoker.GetMethod(upload));
        Assert.Throws<NotSupportedException>(() => DynamicGrpcInvoker.GetMethod(chat));
    }
}
