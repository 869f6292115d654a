
namespace Bff.Protobuf.Tests;

/// <summary>A test contract using every feature the codec supports (all scalars, lists, maps, oneofs, well-known types).</summary>
internal static class KitchenSinkProto
{
    /// <summary>The .proto text (parsed by our parser only; no generated code is needed).</summary>
    public const string Text = """
        syntax = "proto3";
        package kitchen.v1;
        option csharp_namespace = "Bff.Protobuf.Tests.KitchenSink";
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/duration.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/struct.proto";

        enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; COLOR_GREEN = 2; }

        message Scalars {
          double f_double = 1; float f_float = 2; int64 f_int64 = 3; uint64 f_uint64 = 4; int32 f_int32 = 5;
          fixed64 f_fixed64 = 6; fixed32 f_fixed32 = 7; bool f_bool = 8; string f_string = 9; bytes f_bytes = 10;
          uint32 f_uint32 = 11; sfixed32 f_sfixed32 = 12; sfixed64 f_sfixed64 = 13; sint32 f_sint32 = 14; sint64 f_sint64 = 15;
          Color f_color = 16;
        }

        message Sink {
          message Item { string name = 1; int32 qty = 2; }
          Scalars scalars = 1;
          repeated int32 numbers = 2;
          repeated sint64 zigzags = 3;
          repeated double ratios = 4;
          repeated Color colors = 5;
          repeated string tags = 6;
          repeated Item items = 7;
          map<string, int32> counts = 8;
          map<int64, Item> items_by_id = 9;
          map<bool, string> flags = 10;
          oneof choice { string text = 11; Item item = 12; int32 number = 13; }
          optional int32 maybe = 14;
          google.protobuf.Timestamp at = 15;
          google.protobuf.Duration timeout = 16;
          google.protobuf.StringValue note = 17;
          google.protobuf.Int64Value big = 18;
          google.protobuf.Struct extra = 19;
          google.protobuf.Value any_value = 20;
          repeated uint32 unpacked = 21 [packed = false];
          Sink child = 22;
        }
        """;

    private static readonly Lazy<ProtoSchemaSet> LazySchema = new(() => ProtoFiles.Schema(Text, "kitchen_sink.proto"));

    /// <summary>Gets the <c>kitchen.v1.Sink</c> message.</summary>
    public static ProtoMessage Sink => Message("Sink");

    /// <summary>Gets a message of the kitchen sink by name (<c>Sink.Item</c> for nested ones).</summary>
    public static ProtoMessage Message(string name) =>
        LazySchema.Value.TryFindMessage($"kitchen.v1.{name}", out var message) ? message : throw new InvalidOperationException(name);
}
