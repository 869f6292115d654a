namespace Bff.Protobuf.Tests;

public class ProtoCompilerTests
{
    [Fact]
    public void Reads_nested_types_oneofs_maps_optional_streaming_and_options()
    {
        var schema = ProtoFiles.Schema("""
            /* A file header
               over two lines. */
            syntax = "proto3";
            package demo.v1;
            import "google/protobuf/timestamp.proto";
            option java_package = "x.y"; // trailing comment

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
              rpc Peek (Outer) returns (Outer) { option idempotency_level = NO_SIDE_EFFECTS; }
            }
            """);

        var file = schema.File();
        Assert.Equal(["google/protobuf/timestamp.proto"], file.Imports);
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
        Assert.Null(nick.OneofName);
        Assert.True(outer.TryGetField("by_name", out var byName));
        Assert.True(byName.IsMap);
        Assert.Equal(ProtoFieldType.String, byName.MapKey!.Type);
        Assert.Same(outer.NestedMessages[0], byName.MapValue!.MessageType);
        Assert.True(outer.TryGetField("theKind", out var kindField));
        Assert.Equal("choice", kindField.OneofName);
        Assert.Same(kind, kindField.EnumType);
        Assert.Equal(5, kindField.Number);
        Assert.Equal("numbers", outer.Fields[5].Name);
        Assert.False(outer.Fields[5].IsPacked);
        Assert.Equal("google.protobuf.Timestamp", outer.Fields[6].MessageType!.FullName);

        var service = Assert.Single(file.Services);
        Assert.True(service.Methods[0].ServerStreaming);
        Assert.False(service.Methods[0].IsUnary);
        Assert.True(service.Methods[1].ClientStreaming);
        Assert.Equal(ProtoIdempotencyLevel.Idempotent, service.Methods[1].IdempotencyLevel);
        Assert.Equal(ProtoIdempotencyLevel.NoSideEffects, service.Methods[2].IdempotencyLevel);
    }

    [Fact]
    public void Reads_proto2_labels()
    {
        var schema = ProtoFiles.Schema("""
            syntax = "proto2";
            message Legacy {
              required string name = 1 [default = "a\"b"];
              optional int64 count = 2 [default = -16];
              repeated int32 ids = 3;
            }
            enum Level { LEVEL_HIGH = 5; LEVEL_LOW = -1; }
            """, "legacy.proto");

        var file = schema.File("legacy.proto");
        var legacy = Assert.Single(file.Messages);
        Assert.Equal(string.Empty, file.Package);
        Assert.All(legacy.Fields.Take(2), f => Assert.True(f.HasPresence));
        Assert.False(legacy.Fields[2].IsPacked);
        Assert.Equal(-1, Assert.Single(file.Enums).Values[1].Number);
        Assert.True(file.Enums[0].IsClosed);
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 x = 1\n}", 4)]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 x = 1;\n  string y = 1;\n}", 4)]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  int32 x = 1;\n  string x = 2;\n}", 4)]
    [InlineData("syntax = \"proto3\";\nenum E {\n  E_ONE = 1;\n}", 2)]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  Missing y = 2;\n}", 3)]
    [InlineData("syntax = \"proto3\";\nmessage A {}\nservice S {\n  rpc M (A) returns (B);\n}", 4)]
    [InlineData("syntax = \"proto3\";\nmesage A {}", 2)]
    public void Reports_errors_with_file_line_and_column(string text, int line)
    {
        var compilation = ProtoCompiler.CompileText(text, "bad.proto");

        Assert.Null(compilation.Schema);
        var error = compilation.Errors[0];
        Assert.Equal(("bad.proto", line), (error.File, error.Line));
        Assert.True(error.Column > 0, error.ToString());
        Assert.StartsWith($"bad.proto:{line}:{error.Column}: ", error.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Resolves_names_by_protobuf_scoping_rules_across_files_on_import_paths()
    {
        var directory = ProtoFiles.Write(
            ("common/money.proto", """
                syntax = "proto3";
                package acme.common;
                message Money { string currency = 1; }
                message Outer { message Inner { int32 x = 1; } }
                """),
            ("orders/v1/orders.proto", """
                syntax = "proto3";
                package acme.orders.v1;
                import "common/money.proto";
                message Order {
                  message Line { common.Money price = 1; Status status = 2; }
                  enum Status { STATUS_UNSPECIFIED = 0; }
                  repeated Line lines = 1;
                  .acme.common.Outer.Inner inner = 2;
                  acme.common.Money total = 3;
                  Order parent = 4;
                }
                service Orders { rpc Get (Order.Line) returns (.acme.orders.v1.Order); }
                """));
        try
        {
            var compilation = ProtoCompiler.Compile("orders.proto", [Path.Combine(directory.FullName, "orders", "v1"), directory.FullName]);

            var schema = compilation.Schema ?? throw new InvalidOperationException(string.Join("\n", compilation.Errors));
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
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_import_is_reported_at_the_import_line()
    {
        var compilation = ProtoCompiler.CompileText("syntax = \"proto3\";\n\nimport \"nowhere/missing.proto\";\nmessage A {}", "a.proto");

        var error = Assert.Single(compilation.Errors);
        Assert.Equal(("a.proto", 3), (error.File, error.Line));
        Assert.Contains("nowhere/missing.proto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_file_missing_from_the_import_paths_is_reported()
    {
        var compilation = ProtoCompiler.Compile("absent.proto", [Path.GetTempPath()]);

        Assert.Equal("absent.proto:0:0: file not found on the import paths", Assert.Single(compilation.Errors).ToString());
    }
}
