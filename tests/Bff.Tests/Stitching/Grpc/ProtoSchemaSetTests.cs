using Bff.Stitching.Contracts;
using Bff.Protobuf;
using Bff.Stitching.Grpc;
using Xunit;

namespace Bff.Tests.Stitching.Grpc;

public class ProtoSchemaSetTests
{
    [Theory]
    [InlineData("marketplace.proposals.v1.ProposalService/ListProposals")]
    [InlineData("/marketplace.proposals.v1.ProposalService/ListProposals")]
    [InlineData("marketplace.proposals.v1.ProposalService.ListProposals")]
    public void Finds_methods_by_binding_name(string name)
    {
        Assert.True(ProtoTestFiles.ProposalsSchema.TryFindMethod(name, out var method));

        Assert.Equal("marketplace.proposals.v1.ProposalService/ListProposals", method.FullName);
        Assert.Equal("marketplace.proposals.v1.ListProposalsRequest", method.InputType.FullName);
        Assert.Equal("marketplace.proposals.v1.ListProposalsResponse", method.OutputType.FullName);
        Assert.True(method.IsIdempotent);
    }

    [Theory]
    [InlineData("marketplace.proposals.v1.ProposalService/Nope")]
    [InlineData("marketplace.proposals.v1.Nope/ListProposals")]
    [InlineData("ListProposals")]
    [InlineData("")]
    public void Does_not_find_unknown_methods(string name) =>
        Assert.False(ProtoTestFiles.ProposalsSchema.TryFindMethod(name, out _));

    [Fact]
    public void Submit_is_not_idempotent() => Assert.False(ProtoTestFiles.ProposalsMethod("SubmitProposal").IsIdempotent);

    [Fact]
    public void Builds_in_the_well_known_types()
    {
        var schema = ProtoTestFiles.Schema("""
            syntax = "proto3";
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/wrappers.proto";
            import "google/protobuf/empty.proto";
            message Event {
              google.protobuf.Timestamp at = 1;
              google.protobuf.StringValue note = 2;
              google.protobuf.Int64Value count = 3;
            }
            service Events { rpc Ping (google.protobuf.Empty) returns (google.protobuf.Empty); }
            """);

        Assert.True(schema.TryFindMessage("Event", out var message));
        var shape = schema.GetShape(message);
        Assert.Equal(ShapeKind.String, shape.Properties["at"].Kind);
        Assert.Equal(ShapeKind.String, shape.Properties["note"].Kind);
        Assert.Equal(ShapeKind.Integer, shape.Properties["count"].Kind);
        Assert.True(schema.TryFindMethod("Events/Ping", out var ping));
        Assert.Equal(ShapeKind.Object, schema.GetShape(ping.OutputType).Kind);
        Assert.Contains(schema.Files, f => f.FileName == "google/protobuf/timestamp.proto");
    }

    [Fact]
    public void Maps_messages_to_contract_shapes()
    {
        var schema = ProtoTestFiles.ProposalsSchema;

        var shape = schema.GetShape(ProtoTestFiles.ProposalsMethod("ListProposals").OutputType);

        Assert.Equal(ShapeKind.Object, shape.Kind);
        Assert.Equal(["proposals", "next_page_token", "total_size"], shape.Properties.Keys);
        var proposals = shape.Properties["proposals"];
        Assert.Equal(ShapeKind.List, proposals.Kind);
        var proposal = proposals.Items!;
        Assert.Same(schema.GetShape(ProtoTestFiles.ProposalsMessage("Proposal")), proposal);
        Assert.Equal(ShapeKind.String, proposal.Properties["job_id"].Kind);
        Assert.Equal(ShapeKind.Integer, proposal.Properties["estimated_days"].Kind);
        Assert.Equal(ShapeKind.Integer, proposal.Properties["bid"].Properties["amount_cents"].Kind);
        var status = proposal.Properties["status"];
        Assert.Equal(ShapeKind.Enum, status.Kind);
        Assert.Equal("PROPOSAL_STATUS_PENDING", status.EnumValues[1]);
    }

    [Fact]
    public void Shapes_of_recursive_messages_share_instances_and_maps_are_any()
    {
        var schema = ProtoTestFiles.Schema("""
            syntax = "proto3";
            message Node {
              repeated Node children = 1;
              map<string, int64> labels = 2;
              double weight = 3;
              bool leaf = 4;
              bytes blob = 5;
            }
            """);
        Assert.True(schema.TryFindMessage("Node", out var node));

        var shape = schema.GetShape(node);

        Assert.Same(shape, shape.Properties["children"].Items);
        Assert.Equal(ShapeKind.Any, shape.Properties["labels"].Kind);
        Assert.Equal(ShapeKind.Number, shape.Properties["weight"].Kind);
        Assert.Equal(ShapeKind.Boolean, shape.Properties["leaf"].Kind);
        Assert.Equal(ShapeKind.String, shape.Properties["blob"].Kind);
    }
}
