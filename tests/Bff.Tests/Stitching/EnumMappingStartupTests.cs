using Bff.Stitching.Grpc;
using Bff.Stitching.Bindings;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching;

/// <summary>
/// Start-up pairs the values of each contract enum with a GraphQL enum's: by name, or without the protobuf enum's
/// own prefix, never by suffix; a value with no partner, or with two, stops the host.
/// </summary>
public sealed class EnumMappingStartupTests
{
    private const string Proto = """
        syntax = "proto3";
        package test.v1;
        service Health { rpc Check (CheckRequest) returns (CheckResponse); }
        enum ServingStatus { SERVING_STATUS_UNSPECIFIED = 0; NOT_SERVING = 1; SERVING = 2; }
        enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; SHADE_BLUE = 2; }
        message CheckRequest { ServingStatus want = 1; }
        message CheckResponse { ServingStatus status = 1; Color color = 2; }
        """;

    [Fact]
    public void A_graphql_enum_lacking_not_serving_is_refused_though_it_has_serving()
    {
        var error = ContractSchema.Fail(Sdl("enum Status { SERVING }", "status: Status"), Proto);

        Assert.Contains("Check.status: enum value 'NOT_SERVING' of test.v1.ServingStatus", error);
        Assert.Contains("has no value in GraphQL enum Status", error);
    }

    [Fact]
    public void Only_the_enums_own_prefix_is_dropped()
    {
        var error = ContractSchema.Fail(Sdl("enum Color { RED BLUE }", "color: Color"), Proto);

        Assert.Contains("enum value 'SHADE_BLUE' of test.v1.Color", error);
        Assert.DoesNotContain("'COLOR_RED'", error);
    }

    [Fact]
    public void A_graphql_enum_argument_is_sent_as_the_downstream_value_of_the_same_name()
    {
        var schema = ContractSchema.Build(Sdl("enum Status { SERVING NOT_SERVING SERVING_STATUS_UNSPECIFIED }", "status: Status", "want: {args.want}"), Proto);

        var names = ((GrpcBinding)schema.Bindings.Single()).Request.Entries.Single().Value.EnumValues!;
        Assert.Equal("SERVING", names["SERVING"]);
        Assert.Equal("NOT_SERVING", names["NOT_SERVING"]);
    }

    [Fact]
    public void A_graphql_enum_argument_value_without_a_downstream_value_is_refused()
    {
        var error = ContractSchema.Fail(Sdl("enum Status { SERVING NOT_SERVING STARTING }", "status: Status", "want: {args.want}"), Proto);

        Assert.Contains("GraphQL enum value Status.STARTING has no value in test.v1.ServingStatus", error);
    }

    private static string Sdl(string enumeration, string field, string request = "") => $$"""
        type Query {
          check{{(request == "" ? "" : "(want: Status!)")}}: Check @grpc(source: "things", method: "test.v1.Health/Check", request: "{{request}}")
        }
        type Check { {{field}} }
        {{enumeration}}
        """;
}
