using Bff.Stitching.Contracts;
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
    public void Resolves_names_by_protobuf_scoping_rules_across_files()
    {
        var common = ProtoParser.Parse("""
            syntax = "proto3";
            package acme.common;
            message Money { string currency = 1; }
            message Outer { message Inner { int32 x = 1; } }
            """, "common.proto");
        var orders = ProtoParser.Parse("""
            syntax = "proto3";
            package acme.orders.v1;
            import "common.proto";
            message Order {
              message Line { common.Money price = 1; Status status = 2; }
              enum Status { STATUS_UNSPECIFIED = 0; }
              repeated Line lines = 1;
              .acme.common.Outer.Inner inner = 2;
              acme.common.Money total = 3;
              Order parent = 4;
            }
            service Orders { rpc Get (Order.Line) returns (.acme.orders.v1.Order); }
            """, "orders.proto");

        var schema = ProtoSchemaSet.Create(common, orders);

        Assert.True(schema.TryFindMessage("acme.orders.v1.Order.Line", out var line));
        Assert.Equal("acme.common.Money", line.Fields[0].MessageType!.FullName);
        Assert.Equal("acme.orders.v1.Order.Status", line.Fields[1].EnumType!.FullName);
        Assert.Equal(ProtoFieldType.Enum, line.Fields[1].Type);
        Assert.True(schema.TryFindMessage(".acme.orders.v1.Order", out var order));
        Assert.Equal("acme.common.Outer.Inner", order.Fields[1].MessageType!.FullName);
        Assert.Same(order, order.Fields[3].MessageType);
        Assert.True(schema.TryFindMethod("acme.orders.v1.Orders/Get", out var get));
        Assert.Same(line, get.InputType);
        Assert.Same(order, get.OutputType);
        Assert.True(schema.TryFindEnum("acme.orders.v1.Order.Status", out _));
    }

    [Fact]
    public void Reports_unknown_types_with_file_and_line()
    {
        var file = ProtoParser.Parse("syntax = \"proto3\";\nmessage A {\n  int32 x = 1;\n  Missing y = 2;\n}", "a.proto");

        var error = Assert.Throws<ProtoParseException>(() => ProtoSchemaSet.Create(file));

        Assert.Equal("a.proto:4:3: unknown type 'Missing' of field 'y' in message 'A'", error.Message);
    }

    [Fact]
    public void Reports_unknown_rpc_types_and_enums_used_as_messages()
    {
        var unknown = ProtoParser.Parse("syntax = \"proto3\";\nmessage A {}\nservice S {\n  rpc M (A) returns (B);\n}", "s.proto");
        var enumType = ProtoParser.Parse("syntax = \"proto3\";\nenum E { E_0 = 0; }\nservice S {\n  rpc M (E) returns (E);\n}", "e.proto");

        Assert.Equal("s.proto:4:7: unknown response type 'B' of rpc 'S/M'",
            Assert.Throws<ProtoParseException>(() => ProtoSchemaSet.Create(unknown)).Message);
        Assert.Contains("is an enum, not a message", Assert.Throws<ProtoParseException>(() => ProtoSchemaSet.Create(enumType)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_duplicate_declarations_across_files()
    {
        var first = ProtoParser.Parse("syntax = \"proto3\";\npackage p;\nmessage A {}", "one.proto");
        var second = ProtoParser.Parse("syntax = \"proto3\";\npackage p;\n\nmessage A {}", "two.proto");

        var error = Assert.Throws<ProtoParseException>(() => ProtoSchemaSet.Create(first, second));

        Assert.Equal("two.proto:4:9: 'p.A' is already declared in one.proto:3:9", error.Message);
    }

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
        Assert.Single(schema.Files);
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

    [Fact]
    public void Loads_every_proto_file_of_a_directory()
    {
        var directory = Directory.CreateTempSubdirectory("bff-protos-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "nested"));
            File.WriteAllText(Path.Combine(directory.FullName, "a.proto"), "syntax = \"proto3\";\npackage a;\nmessage A { b.B b = 1; }");
            File.WriteAllText(Path.Combine(directory.FullName, "nested", "b.proto"), "syntax = \"proto3\";\npackage b;\nmessage B {}");

            var schema = ProtoSchemaSet.LoadDirectory(directory.FullName);

            Assert.Equal(2, schema.Files.Count);
            Assert.True(schema.TryFindMessage("a.A", out var a));
            Assert.Equal("b.B", a.Fields[0].MessageType!.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
