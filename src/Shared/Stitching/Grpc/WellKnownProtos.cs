namespace Bff.Stitching.Grpc;

/// <summary>
/// Minimal built-in definitions of the well-known types in <c>google/protobuf/*.proto</c>, so a downstream
/// contract can import them without shipping them. Only the fields matter to the gateway.
/// </summary>
internal static class WellKnownProtos
{
    /// <summary>The full name of <c>google.protobuf.Timestamp</c>.</summary>
    public const string Timestamp = "google.protobuf.Timestamp";

    /// <summary>The full name of <c>google.protobuf.Duration</c>.</summary>
    public const string Duration = "google.protobuf.Duration";

    /// <summary>The full name of <c>google.protobuf.Struct</c>.</summary>
    public const string Struct = "google.protobuf.Struct";

    /// <summary>The full name of <c>google.protobuf.Value</c>.</summary>
    public const string Value = "google.protobuf.Value";

    /// <summary>The full name of <c>google.protobuf.ListValue</c>.</summary>
    public const string ListValue = "google.protobuf.ListValue";

    private const string Header = "syntax = \"proto3\";\npackage google.protobuf;\n";

    private static readonly (string FileName, string Text)[] Sources =
    [
        ("google/protobuf/timestamp.proto", Header + "message Timestamp { int64 seconds = 1; int32 nanos = 2; }"),
        ("google/protobuf/duration.proto", Header + "message Duration { int64 seconds = 1; int32 nanos = 2; }"),
        ("google/protobuf/empty.proto", Header + "message Empty { }"),
        ("google/protobuf/any.proto", Header + "message Any { string type_url = 1; bytes value = 2; }"),
        ("google/protobuf/field_mask.proto", Header + "message FieldMask { repeated string paths = 1; }"),
        ("google/protobuf/wrappers.proto", Header + """
            message DoubleValue { double value = 1; }
            message FloatValue { float value = 1; }
            message Int64Value { int64 value = 1; }
            message UInt64Value { uint64 value = 1; }
            message Int32Value { int32 value = 1; }
            message UInt32Value { uint32 value = 1; }
            message BoolValue { bool value = 1; }
            message StringValue { string value = 1; }
            message BytesValue { bytes value = 1; }
            """),
        ("google/protobuf/struct.proto", Header + """
            message Struct { map<string, Value> fields = 1; }
            message Value {
              oneof kind {
                NullValue null_value = 1;
                double number_value = 2;
                string string_value = 3;
                bool bool_value = 4;
                Struct struct_value = 5;
                ListValue list_value = 6;
              }
            }
            enum NullValue { NULL_VALUE = 0; }
            message ListValue { repeated Value values = 1; }
            """),
    ];

    /// <summary>Parses fresh copies of the built-in files (each schema set resolves its own).</summary>
    public static IEnumerable<ProtoFile> Parse() => Sources.Select(source => ProtoParser.Parse(source.Text, source.FileName));

    /// <summary>
    /// Gets a value indicating whether <paramref name="fullName"/> is a wrapper (<c>google.protobuf.StringValue</c>, ...)
    /// whose JSON form is its bare <c>value</c>.
    /// </summary>
    public static bool IsWrapper(string fullName) => fullName is "google.protobuf.DoubleValue" or "google.protobuf.FloatValue"
        or "google.protobuf.Int64Value" or "google.protobuf.UInt64Value" or "google.protobuf.Int32Value"
        or "google.protobuf.UInt32Value" or "google.protobuf.BoolValue" or "google.protobuf.StringValue"
        or "google.protobuf.BytesValue";

    /// <summary>Gets a value indicating whether <paramref name="fullName"/> has a special JSON form.</summary>
    public static bool HasSpecialJson(string fullName) =>
        IsWrapper(fullName) || fullName is Timestamp or Duration or Struct or Value or ListValue;
}
