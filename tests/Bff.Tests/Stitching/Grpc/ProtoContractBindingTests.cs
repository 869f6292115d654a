using System.Text.Json.Nodes;
using Bff.Protobuf;
using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>
/// gRPC contracts as teams write them, compiled by protobuf-net.Reflection: well-known types and googleapis'
/// annotations imported, a contract split over files found on an import path, and errors reported as
/// <c>file:line:col</c>. Real web host, real gRPC server on loopback.
/// </summary>
public sealed class ProtoContractBindingTests
{
    private const string Catalog = """
        syntax = "proto3";
        package catalog.v1;

        import "google/api/annotations.proto";
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/struct.proto";

        service Catalog {
          rpc GetBook(GetBookRequest) returns (Book) {
            option (google.api.http) = { get: "/v1/books/{id}" };
            option idempotency_level = NO_SIDE_EFFECTS;
          }
        }

        message GetBookRequest { string id = 1; }

        message Book {
          enum Format {
            FORMAT_UNSPECIFIED = 0;
            FORMAT_HARDCOVER = 1;
            FORMAT_EBOOK = 2;
          }
          string id = 1;
          string title = 2;
          google.protobuf.Timestamp published_at = 3;
          google.protobuf.StringValue subtitle = 4;
          google.protobuf.Int64Value copies_sold = 5;
          google.protobuf.Struct attributes = 6;
          Format format = 7;
          oneof price {
            int64 price_cents = 8;
            bool free = 9;
          }
          map<string, string> labels = 10;
        }
        """;

    private const string CatalogSdl = """
        scalar Long
        type Query {
          book(id: ID!): Book @grpc(source: "catalog", method: "catalog.v1.Catalog/GetBook", request: "id: {args.id}")
        }
        enum Format { HARDCOVER EBOOK }
        type Attributes { color: String pages: Int }
        type Book {
          id: ID!
          title: String!
          publishedAt: String
          subtitle: String
          copiesSold: Long
          attributes: Attributes
          format: Format!
          priceCents: Long
          free: Boolean
        }
        """;

    [Fact]
    public async Task A_contract_importing_well_known_types_and_google_api_annotations_binds_and_answers()
    {
        using var folder = new ProtoContractFolder(("catalog.proto", Catalog));
        var schema = Compile(folder, "catalog.proto");
        await using var service = await DynamicGrpcService.StartAsync(schema, (_, request) => (string?)request["id"] == "b1"
            ? JsonNode.Parse("""
                {"id":"b1","title":"Dune","published_at":"1965-08-01T00:00:00Z","subtitle":"A novel","copies_sold":20000000000,
                 "attributes":{"color":"orange","pages":412},"format":"FORMAT_HARDCOVER","price_cents":1999,"labels":{"lang":"en"}}
                """)!.AsObject()
            : null);
        using var host = new TestHost<Bff.WebBff.Program>(folder.Settings(CatalogSdl, "catalog", folder.PathOf("catalog.proto"), service.Url));

        var (status, body) = await host.PostAsync("""
            { book(id: "b1") { id title publishedAt subtitle copiesSold attributes { color pages } format priceCents free }
              missing: book(id: "nope") { id } }
            """);

        Assert.Equal(200, status);
        Assert.Equal(
            """{"book":{"id":"b1","title":"Dune","publishedAt":"1965-08-01T00:00:00Z","subtitle":"A novel","copiesSold":20000000000,"attributes":{"color":"orange","pages":412},"format":"HARDCOVER","priceCents":1999,"free":null},"missing":null}""",
            body["data"]!.ToJsonString());
        Assert.Contains(service.Requests, r => r.Method == "catalog.v1.Catalog/GetBook" && (string?)r.Request["id"] == "b1");
    }

    [Fact]
    public async Task A_contract_split_over_two_files_binds_through_an_import_path()
    {
        using var folder = new ProtoContractFolder(
            ("shared/acme/common/money.proto", """
                syntax = "proto3";
                package acme.common;
                message Money { string currency = 1; int64 amount_cents = 2; }
                """),
            ("orders/orders.proto", """
                syntax = "proto3";
                package acme.orders.v1;
                import "acme/common/money.proto";
                service Orders { rpc GetOrder(GetOrderRequest) returns (Order); }
                message GetOrderRequest { string id = 1; }
                message Order { string id = 1; acme.common.Money total = 2; }
                """));
        var importPath = folder.PathOf("shared");
        var compilation = ProtoCompiler.Compile("orders.proto",
            [Path.Combine(AppContext.BaseDirectory, folder.PathOf("orders")), Path.Combine(AppContext.BaseDirectory, importPath)]);
        await using var service = await DynamicGrpcService.StartAsync(compilation.Schema!, (_, request) =>
            new JsonObject { ["id"] = request["id"]!.DeepClone(), ["total"] = new JsonObject { ["currency"] = "EUR", ["amount_cents"] = 4200 } });
        const string sdl = """
            scalar Long
            type Query { order(id: ID!): Order @grpc(source: "orders", method: "acme.orders.v1.Orders/GetOrder", request: "id: {args.id}") }
            type Order { id: ID! total: Money! }
            type Money { currency: String! amountCents: Long! }
            """;
        using var host = new TestHost<Bff.WebBff.Program>(folder.Settings(sdl, "orders", folder.PathOf("orders/orders.proto"), service.Url,
            ("Bff:Sources:orders:ImportPaths:0", importPath)));

        var (_, body) = await host.PostAsync("""{ order(id: "o-7") { id total { currency amountCents } } }""");

        Assert.Equal("""{"order":{"id":"o-7","total":{"currency":"EUR","amountCents":4200}}}""", body["data"]!.ToJsonString());
    }

    [Fact]
    public void Without_the_import_path_the_missing_import_is_a_start_up_problem_at_its_line()
    {
        using var folder = new ProtoContractFolder(("orders.proto", "syntax = \"proto3\";\n\nimport \"acme/common/money.proto\";\nmessage Order { acme.common.Money total = 1; }\n"));
        using var factory = new BffHostFactory<Bff.WebBff.Program>(folder.Settings("type Query { a: Int }", "orders", folder.PathOf("orders.proto"), new Uri("http://127.0.0.1:1")));

        var error = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

        Assert.Contains($"{folder.PathOf("orders.proto")}:3:8: unable to find: 'acme/common/money.proto'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{folder.PathOf("orders.proto")}:4:17: type not found: 'acme.common.Money'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_in_the_contract_and_in_an_imported_file_are_start_up_problems_with_file_line_and_column()
    {
        using var folder = new ProtoContractFolder(
            ("common.proto", "syntax = \"proto3\";\npackage c;\nmessage Shared {\n  int32 x = 1\n}\n"),
            ("main.proto", "syntax = \"proto3\";\nimport \"common.proto\";\nmessage A {\n  strin name = 1;\n}\n"));
        using var factory = new BffHostFactory<Bff.WebBff.Program>(folder.Settings("type Query { a: Int }", "things", folder.PathOf("main.proto"), new Uri("http://127.0.0.1:1")));

        var error = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

        Assert.Matches($@"{folder.PathOf("common.proto")}:5:1: \S", error.Message);
        Assert.Matches($@"{folder.PathOf("main.proto")}:4:3: \S", error.Message);
    }

    private static ProtoSchemaSet Compile(ProtoContractFolder folder, string file)
    {
        var compilation = ProtoCompiler.Compile(file, [Path.Combine(AppContext.BaseDirectory, folder.Relative), Path.Combine(AppContext.BaseDirectory, "protos")]);
        return compilation.Schema ?? throw new InvalidOperationException(string.Join("\n", compilation.Errors));
    }
}
