using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Contracts;

/// <summary>
/// Start-up refuses every scalar mapping that can fail or corrupt a value at run time, in both directions, for
/// protobuf and OpenAPI contracts alike, naming the field, both types and the fix (the README's type mapping table).
/// </summary>
public sealed class ScalarMappingStartupTests
{
    private const string Proto = """
        syntax = "proto3";
        package test.v1;
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/timestamp.proto";
        service Things { rpc Get (Thing) returns (Thing); }
        enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; }
        message Thing {
          int32 i32 = 1; sint32 s32 = 2; sfixed32 sf32 = 3; uint32 u32 = 4; fixed32 f32 = 5;
          int64 i64 = 6; sint64 s64 = 7; sfixed64 sf64 = 8; uint64 u64 = 9; fixed64 f64 = 10;
          double d = 11; float f = 12; bool b = 13; string s = 14; bytes by = 15; Color color = 16;
          google.protobuf.Int64Value w64 = 17; google.protobuf.Int32Value w32 = 18; google.protobuf.Timestamp at = 19;
          repeated int64 many = 20;
        }
        """;

    private const string OpenApi = """
        {"openapi":"3.0.3","paths":{"/things/{id}":{"get":{"parameters":[
          {"name":"id","in":"path","required":true,"schema":{"type":"integer","format":"int32"}},
          {"name":"q32","in":"query","schema":{"type":"integer","format":"int32"}},
          {"name":"q","in":"query","schema":{"type":"integer"}},
          {"name":"flag","in":"query","schema":{"type":"boolean"}},
          {"name":"kind","in":"query","schema":{"type":"string","enum":["red"]}}],
          "responses":{"200":{"content":{"application/json":{"schema":{"type":"object","properties":{
            "i32":{"type":"integer","format":"int32"},"i64":{"type":"integer","format":"int64"},"n":{"type":"integer"},
            "num":{"type":"number"},"s":{"type":"string"},"b":{"type":"boolean"},
            "kind":{"type":"string","enum":["red"]},"list":{"type":"array","items":{"type":"integer","format":"int64"}}}}}}}}}}}}
        """;

    [Theory]
    [InlineData("i32", "Int"), InlineData("s32", "Int"), InlineData("sf32", "Int"), InlineData("w32", "Int")]
    [InlineData("i32", "Float"), InlineData("u32", "Float"), InlineData("f32", "Float"), InlineData("i32", "String")]
    [InlineData("i64", "String"), InlineData("i64", "ID"), InlineData("u64", "String"), InlineData("w64", "String")]
    [InlineData("i64", "Long"), InlineData("sf64", "Long"), InlineData("u32", "Long"), InlineData("u64", "BigInt")]
    [InlineData("d", "Float"), InlineData("f", "Float"), InlineData("b", "Boolean"), InlineData("s", "String")]
    [InlineData("by", "String"), InlineData("at", "String"), InlineData("color", "String"), InlineData("color", "Color")]
    [InlineData("many", "[String!]")]
    public void Proto_to_graphql_that_cannot_fail_starts(string field, string type) =>
        Assert.NotNull(ContractSchema.Build(ProtoOutput(field, type), Proto));

    [Theory]
    [InlineData("i64", "Int", "int64 (things test.v1.Things/Get) cannot be represented by GraphQL Int (32-bit); use String or a Long scalar")]
    [InlineData("s64", "Int", "sint64 (int64) (things test.v1.Things/Get) cannot be represented by GraphQL Int (32-bit)")]
    [InlineData("sf64", "Int", "cannot be represented by GraphQL Int (32-bit)")]
    [InlineData("w64", "Int", "google.protobuf.Int64Value (int64) (things test.v1.Things/Get) cannot be represented by GraphQL Int")]
    [InlineData("u32", "Int", "uint32 (things test.v1.Things/Get) cannot be represented by GraphQL Int (32-bit); use Float, String or a Long scalar")]
    [InlineData("f32", "Int", "fixed32 (uint32) (things test.v1.Things/Get) cannot be represented by GraphQL Int")]
    [InlineData("u64", "Int", "uint64 (things test.v1.Things/Get) cannot be represented by GraphQL Int (32-bit); use String or a BigInt scalar")]
    [InlineData("f64", "Int", "cannot be represented by GraphQL Int")]
    [InlineData("i64", "Float", "int64 (things test.v1.Things/Get) loses precision in GraphQL Float")]
    [InlineData("u64", "Long", "uint64 (things test.v1.Things/Get) cannot be represented by GraphQL Long (signed 64-bit)")]
    [InlineData("many", "[Int!]", "int64 (things test.v1.Things/Get) cannot be represented by GraphQL Int")]
    [InlineData("d", "Int", "the field is Int but")]
    [InlineData("s", "Int", "the field is Int but")]
    [InlineData("b", "String", "the field is String but")]
    [InlineData("s", "Color", "is free text, which may be no value of enum Color")]
    public void Proto_to_graphql_that_can_fail_is_refused(string field, string type, string problem)
    {
        var error = ContractSchema.Fail(ProtoOutput(field, type), Proto);

        Assert.Contains($".graphql:5: Thing.x: type mismatch: ", error);
        Assert.Contains(problem, error);
    }

    [Theory]
    [InlineData("Int", "i32"), InlineData("Int", "i64"), InlineData("Int", "s64"), InlineData("Int", "d"), InlineData("Int", "w64")]
    [InlineData("Int @range(min: 0)", "u32"), InlineData("Int @range(min: 0)", "u64"), InlineData("Long", "i64")]
    [InlineData("Float", "d"), InlineData("String", "s"), InlineData("ID", "s"), InlineData("Boolean", "b"), InlineData("Color", "color")]
    public void Graphql_argument_to_proto_that_cannot_fail_starts(string type, string field) =>
        Assert.NotNull(ContractSchema.Build(ProtoInput(type, field), Proto));

    [Theory]
    [InlineData("String", "i32", "GraphQL String argument cannot fill int32 field 'i32': text may not be a number; declare the argument Int.")]
    [InlineData("ID", "i64", "GraphQL ID argument cannot fill int64 field 'i64': text may not be a number; declare the argument Int (or Long).")]
    [InlineData("Float", "i32", "GraphQL Float argument cannot fill int32 field 'i32': a Float can have a fraction; declare the argument Int.")]
    [InlineData("Int", "u32", "GraphQL Int argument cannot fill uint32 field 'u32': a negative Int does not fit; add @range(min: 0) to the argument.")]
    [InlineData("Long", "i32", "GraphQL Long argument cannot fill int32 field 'i32': a Long can exceed it; declare the argument Int.")]
    [InlineData("Float", "f", "GraphQL Float argument cannot fill float field 'f': a 32-bit float holds it only approximately; make the field double.")]
    [InlineData("Int", "f", "GraphQL Int argument cannot fill float field 'f': a 32-bit float holds it only approximately")]
    [InlineData("String", "by", "GraphQL String argument cannot fill bytes field 'by': the field takes base64")]
    [InlineData("String", "color", "GraphQL String argument cannot fill enum test.v1.Color field 'color': text may not be one of its values; declare the argument as a GraphQL enum.")]
    [InlineData("Int", "s", "GraphQL Int argument cannot fill string field 's'; declare the argument String.")]
    [InlineData("Boolean", "i32", "GraphQL Boolean argument cannot fill int32 field 'i32'; declare the argument Int.")]
    public void Graphql_argument_to_proto_that_can_fail_is_refused(string type, string field, string problem)
    {
        var error = ContractSchema.Fail(ProtoInput(type, field), Proto);

        Assert.Contains($".graphql:2: Query.thing: @grpc request of test.v1.Things/Get: {{args.v}}: {problem}", error);
    }

    [Fact]
    public void An_input_object_field_is_checked_like_an_argument()
    {
        var sdl = """
            type Query { thing(v: In!): Thing @grpc(source: "things", method: "test.v1.Things/Get", request: "i32: {args.v.text}") }
            input In { text: String! }
            type Thing { s: String }
            """;

        Assert.Contains("{args.v.text}: GraphQL String argument cannot fill int32 field 'i32'", ContractSchema.Fail(sdl, Proto));
    }

    [Fact]
    public void A_claim_fills_only_string_fields()
    {
        var sdl = """
            type Query { thing: Thing @grpc(source: "things", method: "test.v1.Things/Get", request: "s: {claims.sub}, i64: {claims.sub}") }
            type Thing { s: String }
            """;

        var error = ContractSchema.Fail(sdl, Proto);

        Assert.Contains("{claims.sub}: a claim is text, which cannot fill int64 field 'i64' for every caller; map it to a string field.", error);
        Assert.DoesNotContain("field 's'", error);
    }

    [Theory]
    [InlineData("i32", "Int"), InlineData("i32", "Float"), InlineData("i64", "String"), InlineData("i64", "Long"), InlineData("n", "String")]
    [InlineData("num", "Float"), InlineData("s", "String"), InlineData("b", "Boolean"), InlineData("kind", "Kind"), InlineData("list", "[String!]")]
    public void Openapi_to_graphql_that_cannot_fail_starts(string property, string type) =>
        Assert.NotNull(ContractSchema.Build(RestOutput(property, type), openApi: OpenApi));

    [Theory]
    [InlineData("i64", "Int", "integer (int64) (rest GET /things/{args.id}) cannot be represented by GraphQL Int (32-bit); use String or a Long scalar")]
    [InlineData("n", "Int", "integer (rest GET /things/{args.id}) cannot be represented by GraphQL Int (32-bit)")]
    [InlineData("i64", "Float", "loses precision in GraphQL Float")]
    [InlineData("list", "[Int!]", "integer (int64) (rest GET /things/{args.id}) cannot be represented by GraphQL Int")]
    [InlineData("num", "Int", "the field is Int but")]
    [InlineData("s", "Kind", "is free text, which may be no value of enum Kind")]
    [InlineData("b", "Int", "the field is Int but")]
    public void Openapi_to_graphql_that_can_fail_is_refused(string property, string type, string problem)
    {
        var error = ContractSchema.Fail(RestOutput(property, type), openApi: OpenApi);

        Assert.Contains("Thing.x: type mismatch: ", error);
        Assert.Contains(problem, error);
    }

    [Theory]
    [InlineData("id: ID!", "@rest path parameter 'id': {args.id}: GraphQL ID argument cannot fill integer (int32) field 'id': text may not be a number; declare the argument Int.")]
    [InlineData("id: Int!, q32: String", "@rest query parameter 'q32': {args.q32}: GraphQL String argument cannot fill integer (int32) field 'q32'")]
    [InlineData("id: Int!, flag: String", "@rest query parameter 'flag': {args.flag}: GraphQL String argument cannot fill boolean field 'flag'; declare the argument Boolean.")]
    [InlineData("id: Int!, kind: String", "@rest query parameter 'kind': {args.kind}: GraphQL String argument cannot fill enum kind field 'kind': text may not be one of its values")]
    [InlineData("id: Int!, q32: Float", "@rest query parameter 'q32': {args.q32}: GraphQL Float argument cannot fill integer (int32) field 'q32': a Float can have a fraction")]
    public void Graphql_argument_to_openapi_that_can_fail_is_refused(string arguments, string problem) =>
        Assert.Contains($"Query.thing: {problem}", ContractSchema.Fail(RestInput(arguments), openApi: OpenApi));

    [Fact]
    public void Graphql_arguments_to_openapi_that_cannot_fail_start() =>
        Assert.NotNull(ContractSchema.Build(RestInput("id: Int!, q32: Int, q: Int, flag: Boolean, kind: Kind"), openApi: OpenApi));

    private static string ProtoOutput(string field, string type) => $$"""
        type Query {
          thing: Thing @grpc(source: "things", method: "test.v1.Things/Get", request: "")
        }
        type Thing {
          x: {{type}} @from(path: "{{field}}")
        }
        enum Color { RED }
        scalar Long
        scalar BigInt
        """;

    private static string ProtoInput(string type, string field) => $$"""
        type Query {
          thing(v: {{type}}): Thing @grpc(source: "things", method: "test.v1.Things/Get", request: "{{field}}: {args.v}")
        }
        type Thing { s: String }
        enum Color { RED }
        scalar Long
        """;

    private static string RestOutput(string property, string type) => $$"""
        type Query { thing(id: Int!): Thing @rest(source: "rest", path: "/things/{args.id}") }
        type Thing { x: {{type}} @from(path: "{{property}}") }
        enum Kind { RED }
        scalar Long
        """;

    private static string RestInput(string arguments)
    {
        var names = arguments.Split(',').Select(a => a.Split(':')[0].Trim()).Where(n => n != "id");
        var query = string.Concat(names.Select((n, i) => $"{(i == 0 ? '?' : '&')}{n}={{args.{n}}}"));
        return $$"""
            type Query { thing({{arguments}}): Thing @rest(source: "rest", path: "/things/{args.id}{{query}}") }
            type Thing { s: String }
            enum Kind { RED }
            """;
    }
}
