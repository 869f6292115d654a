using System.Text.Json.Nodes;
using Bff.Protobuf;
using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>
/// Contracts we did not write: grpc's route_guide example (streaming methods beside unary ones) and googleapis'
/// own <c>google/type/*.proto</c> messages, which come from the restored package, not from this repository.
/// </summary>
public sealed class ThirdPartyProtoTests
{
    // grpc/grpc examples/protos/route_guide.proto, as published (comments shortened).
    private const string RouteGuide = """
        // Copyright 2015 gRPC authors. Licensed under the Apache License, Version 2.0.
        syntax = "proto3";

        option java_multiple_files = true;
        option java_package = "io.grpc.examples.routeguide";
        option java_outer_classname = "RouteGuideProto";
        option objc_class_prefix = "RTG";

        package routeguide;

        // Interface exported by the server.
        service RouteGuide {
          // A simple RPC.
          rpc GetFeature(Point) returns (Feature) {}

          // A server-to-client streaming RPC.
          rpc ListFeatures(Rectangle) returns (stream Feature) {}

          // A client-to-server streaming RPC.
          rpc RecordRoute(stream Point) returns (RouteSummary) {}

          // A Bidirectional streaming RPC.
          rpc RouteChat(stream RouteNote) returns (stream RouteNote) {}
        }

        // Points are represented as latitude-longitude pairs in the E7 representation.
        message Point {
          int32 latitude = 1;
          int32 longitude = 2;
        }

        // A latitude-longitude rectangle, represented as two diagonally opposite points "lo" and "hi".
        message Rectangle {
          Point lo = 1;
          Point hi = 2;
        }

        // A feature names something at a given point.
        message Feature {
          string name = 1;
          Point location = 2;
        }

        // A RouteNote is a message sent while at a given point.
        message RouteNote {
          Point location = 1;
          string message = 2;
        }

        // A RouteSummary is received in response to a RecordRoute rpc.
        message RouteSummary {
          int32 point_count = 1;
          int32 feature_count = 2;
          int32 distance = 3;
          int32 elapsed_time = 4;
        }
        """;

    private const string Places = """
        syntax = "proto3";
        package places.v1;
        import "google/type/latlng.proto";
        import "google/type/money.proto";
        import "google/type/date.proto";
        import "google/type/dayofweek.proto";
        service Places { rpc GetPlace(GetPlaceRequest) returns (Place); }
        message GetPlaceRequest { string id = 1; }
        message Place {
          string name = 1;
          google.type.LatLng location = 2;
          google.type.Money entry_fee = 3;
          google.type.Date opened_on = 4;
          repeated google.type.DayOfWeek closed_on = 5;
        }
        """;

    [Fact]
    public async Task Route_guide_binds_its_unary_method_and_refuses_its_streaming_ones_with_the_reason()
    {
        using var folder = new ProtoContractFolder(("route_guide.proto", RouteGuide));
        var schema = ProtoCompiler.CompileText(RouteGuide, "route_guide.proto").Schema!;
        await using var service = await DynamicGrpcService.StartAsync(schema, (_, point) => new JsonObject
        {
            ["name"] = "Berkshire Valley Management Area Trail, Jefferson, NJ, USA",
            ["location"] = point.DeepClone(),
        });
        const string sdl = """
            type Query {
              feature(latitude: Int!, longitude: Int!): Feature
                @grpc(source: "routes", method: "routeguide.RouteGuide/GetFeature", request: "latitude: {args.latitude}, longitude: {args.longitude}")
            }
            type Feature { name: String! location: Point! }
            type Point { latitude: Int! longitude: Int! }
            """;
        using var host = new TestHost<Bff.WebBff.Program>(folder.Settings(sdl, "routes", folder.PathOf("route_guide.proto"), service.Url));

        var (_, body) = await host.PostAsync("{ feature(latitude: 409146138, longitude: -746188906) { name location { latitude longitude } } }");

        Assert.Equal("""{"feature":{"name":"Berkshire Valley Management Area Trail, Jefferson, NJ, USA","location":{"latitude":409146138,"longitude":-746188906}}}""",
            body["data"]!.ToJsonString());

        using var streaming = new BffHostFactory<Bff.WebBff.Program>(folder.Settings(
            sdl.Replace("GetFeature", "RouteChat", StringComparison.Ordinal), "routes", folder.PathOf("route_guide.proto"), service.Url));
        var error = Assert.Throws<BffConfigurationException>(() => streaming.StartServer());
        Assert.Contains("routeguide.RouteGuide/RouteChat", error.Message, StringComparison.Ordinal);
        Assert.Contains("bidirectional streaming", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Googleapis_common_types_from_the_restored_package_bind_and_answer()
    {
        using var folder = new ProtoContractFolder(("places.proto", Places));
        var compilation = ProtoCompiler.CompileText(Places, "places.proto", [Path.Combine(AppContext.BaseDirectory, "protos")]);
        await using var service = await DynamicGrpcService.StartAsync(compilation.Schema!, (_, _) => JsonNode.Parse("""
            {"name":"Kew Gardens","location":{"latitude":51.4787,"longitude":-0.2956},
             "entry_fee":{"currency_code":"GBP","units":22,"nanos":500000000},
             "opened_on":{"year":1840,"month":3,"day":1},"closed_on":["MONDAY"]}
            """)!.AsObject());
        const string sdl = """
            scalar Long
            type Query { place(id: ID!): Place @grpc(source: "places", method: "places.v1.Places/GetPlace", request: "id: {args.id}") }
            type Place { name: String! location: LatLng! entryFee: Money! openedOn: Date! closedOn: [DayOfWeek!]! }
            type LatLng { latitude: Float! longitude: Float! }
            type Money { currencyCode: String! units: Long! nanos: Int! }
            type Date { year: Int! month: Int! day: Int! }
            enum DayOfWeek { MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY }
            """;
        using var host = new TestHost<Bff.WebBff.Program>(folder.Settings(sdl, "places", folder.PathOf("places.proto"), service.Url));

        var (_, body) = await host.PostAsync("""{ place(id: "kew") { name location { latitude longitude } entryFee { currencyCode units nanos } openedOn { year month day } closedOn } }""");

        Assert.Equal(
            """{"place":{"name":"Kew Gardens","location":{"latitude":51.4787,"longitude":-0.2956},"entryFee":{"currencyCode":"GBP","units":22,"nanos":500000000},"openedOn":{"year":1840,"month":3,"day":1},"closedOn":["MONDAY"]}}""",
            body["data"]!.ToJsonString());
    }
}
