using Bff.Stitching.Grpc;
using Xunit;

namespace Bff.Tests.Stitching.Grpc;

public class ProtoParserTests
{
    [Fact]
    public void Parses_the_proposals_contract()
    {
        var file = ProtoParser.Parse(File.ReadAllText(ProtoTestFiles.ProposalsPath), "proposals.proto");

        Assert.Equal("proto3", file.Syntax);
        Assert.Equal("marketplace.proposals.v1", file.Package);
        var service = Assert.Single(file.Services);
        Assert.Equal("marketplace.proposals.v1.ProposalService", service.FullName);
        Assert.Equal(
            ["GetProposal", "ListProposals", "BatchGetProposalsByJob", "BatchGetJobStats", "SubmitProposal"],
            service.Methods.Select(m => m.Name));
        Assert.All(service.Methods, m => Assert.True(m.IsUnary));
        Assert.Equal(ProtoIdempotencyLevel.NoSideEffects, service.Methods[1].IdempotencyLevel);
        Assert.Equal(ProtoIdempotencyLevel.Unknown, service.Methods[4].IdempotencyLevel);

        var status = Assert.Single(file.Enums);
        Assert.Equal("PROPOSAL_STATUS_UNSPECIFIED", status.Values[0].Name);
        Assert.Equal(4, status.Values[^1].Number);

        var proposal = file.Messages.Single(m => m.Name == "Proposal");
        Assert.Equal(
            ["id", "job_id", "freelancer_id", "cover_letter", "bid", "status", "submitted_at", "estimated_days"],
            proposal.Fields.Select(f => f.Name));
        Assert.True(proposal.TryGetField("jobId", out var jobId));
        Assert.Equal(2, jobId.Number);
        Assert.True(proposal.TryGetField(8, out var days));
        Assert.Equal(ProtoFieldType.Int32, days.Type);
        Assert.False(days.HasPresence);
    }

    [Fact]
    public void Parses_nested_types_oneofs_maps_optional_streaming_and_comments()
    {
        const string text = """
            /* A file header
               over two lines. */
            syntax = "proto3";
            package demo.v1;
            import "google/protobuf/timestamp.proto";
            import public "other.proto";
            option java_package = "x.y"; // trailing comment
            option (my.ext) = { a: 1 b: "}" c { d: 2 } };

            message Outer {
              message Inner { int32 x = 1 [deprecated = true]; }
              enum Kind { option allow_alias = true; KIND_UNSPECIFIED = 0; KIND_A = 1; KIND_ALIAS = 1; }
              reserved 9, 10 to 12;
              reserved "old";
              repeated Inner inners = 1;
              optional string nick = 2;
              map<string, Inner> by_name = 3;
              oneof choice {
                string text = 4;
                Kind kind = 5 [json_name = "theKind"];
              }
              repeated int32 numbers = 6 [packed = false];
              google.protobuf.Timestamp at = 7;
              bytes data = 8;
            }

            service Streams {
              rpc Watch (Outer) returns (stream Outer.Inner);
              rpc Upload (stream Outer) returns (Outer) { option idempotency_level = IDEMPOTENT; }
            }
            """;

        var file = ProtoParser.Parse(text, "demo.proto");

        Assert.Equal(["google/protobuf/timestamp.proto", "other.proto"], file.Imports);
        var outer = Assert.Single(file.Messages);
        Assert.Equal("demo.v1.Outer", outer.FullName);
        Assert.Equal("demo.v1.Outer.Inner", Assert.Single(outer.NestedMessages).FullName);
        var kind = Assert.Single(outer.NestedEnums);
        Assert.Equal("demo.v1.Outer.Kind", kind.FullName);
        Assert.Equal(3, kind.Values.Count);
        Assert.Equal(["choice"], outer.Oneofs);

        Assert.True(outer.TryGetField("nick", out var nick));
        Assert.True(nick.IsOptional);
        Assert.True(nick.HasPresence);
        Assert.True(outer.TryGetField("by_name", out var byName));
        Assert.True(byName.IsMap);
        Assert.Equal(ProtoFieldType.String, byName.MapKey!.Type);
        Assert.Equal("Inner", byName.MapValue!.TypeName);
        Assert.True(outer.TryGetField("theKind", out var kindField));
        Assert.Equal("choice", kindField.OneofName);
        Assert.Equal(5, kindField.Number);
        Assert.Equal("numbers", outer.Fields[5].Name);
        Assert.False(outer.Fields[5].PackedOption);

        var service = Assert.Single(file.Services);
        Assert.True(service.Methods[0].ServerStreaming);
        Assert.False(service.Methods[0].IsUnary);
        Assert.True(service.Methods[1].ClientStreaming);
        Assert.True(service.Methods[1].IsIdempotent);
    }

    [Fact]
    public void Parses_proto2_labels_and_string_escapes()
    {
        const string text = """
            syntax = 'proto2';
            message Legacy {
              required string name = 1 [default = "a\"b\x41\101\u00e9"];
              optional int64 count = 2 [default = -0x10];
              repeated int32 ids = 3;
              extensions 100 to max;
            }
            extend Legacy { optional int32 extra = 100; }
            enum Level { LEVEL_HIGH = 5; LEVEL_LOW = -1; }
            """;

        var file = ProtoParser.Parse(text, "legacy.proto");

        var legacy = Assert.Single(file.Messages);
        Assert.Equal(string.Empty, file.Package);
        Assert.All(legacy.Fields.Take(2), f => Assert.True(f.HasPresence));
        Assert.Equal(-1, Assert.Single(file.Enums).Values[1].Number);
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 x = 1\n}", 4, 1, "expected ';' but found '}'")]
    [InlineData("syntax = \"proto3\";\n/* never closed\nmessage A {}", 2, 1, "comment '/*' is not closed")]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 x = 1;\n  string y = 1;\n}", 4, 3, "field number 1 of 'y' is already used by 'x'")]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 x = 1;\n  string x = 2;\n}", 4, 3, "field 'x' is already declared")]
    [InlineData("syntax = \"proto3\";\nenum E {\n  E_ONE = 1;\n}", 3, 3, "first value of enum 'E' must be zero")]
    [InlineData("syntax = \"proto3\";\nmessage A { required int32 x = 1; }", 2, 13, "'required' fields are not allowed in proto3")]
    [InlineData("syntax = \"proto4\";", 1, 10, "unsupported syntax \"proto4\"")]
    [InlineData("syntax = \"proto3\";\nmessage A { map<double, string> m = 1; }", 2, 17, "map key type must be")]
    [InlineData("syntax = \"proto3\";\nmessage A { int32 x = 0; }", 2, 23, "the number of field 'x' must be between 1 and 536870911, not 0")]
    [InlineData("syntax = \"proto3\";\nmessage A { int32 x = 19001; }", 2, 23, "reserved by protobuf")]
    [InlineData("syntax = \"proto3\";\nmessage A { string s = 1 [json_name = \"x]; }", 2, 39, "string is not closed")]
    [InlineData("syntax = \"proto3\";\nservice S { rpc M (A) returns (B) { option idempotency_level = SOMETIMES; } }", 2, 64, "unknown idempotency_level 'SOMETIMES'")]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 x = 1;\n", 2, 1, "message 'A' is not closed with '}'")]
    [InlineData("syntax = \"proto3\";\nmesage A {}", 2, 1, "expected 'message', 'enum', 'service'")]
    [InlineData("syntax = \"proto3\";\nmessage A { int32 x = 1; } #", 2, 28, "unexpected character '#'")]
    public void Reports_syntax_errors_with_file_line_and_column(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<ProtoParseException>(() => ProtoParser.Parse(text, "bad.proto"));

        Assert.Equal("bad.proto", error.FileName);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"bad.proto:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }
}
