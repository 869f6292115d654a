using System.Collections.Concurrent;
using Bff.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Tests.Stitching.Rest;

/// <summary>
/// Through a real host to a real service on loopback: each parameter is written as the contract's <c>style</c> and
/// <c>explode</c> say, and the service receives exactly that URL.
/// </summary>
public sealed class ParameterStyleEndToEndTests : IAsyncLifetime
{
    private const string Contract = """
        openapi: 3.1.0
        info: {title: styles, version: "1"}
        paths:
          /items/{ids}:
            get:
              operationId: getItems
              parameters:
                - {name: ids, in: path, required: true, schema: {type: array, items: {type: string}}}
                - {name: form, in: query, schema: {type: array, items: {type: string}}}
                - {name: csv, in: query, explode: false, schema: {type: array, items: {type: string}}}
                - {name: space, in: query, style: spaceDelimited, explode: false, schema: {type: array, items: {type: string}}}
                - {name: pipe, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
                - name: color
                  in: query
                  style: deepObject
                  explode: true
                  schema: {type: object, properties: {r: {type: integer}, g: {type: integer}}}
              responses:
                "200":
                  description: The URL the service received.
                  content:
                    application/json:
                      schema: {type: object, properties: {url: {type: string}}}
        """;

    private const string Sdl = """
        type Query {
          items(ids: [String!]!, tags: [String!], color: Color): String
            @rest(source: "styles", path: "/items/{args.ids}?form={args.tags}&csv={args.tags}&space={args.tags}&pipe={args.tags}&color={args.color}", select: "url")
        }
        input Color { r: Int g: Int }
        """;

    private readonly ConcurrentQueue<string> _received = new();
    private readonly string _contract = Path.Combine("schemas", $"styles-{Guid.NewGuid():N}.yaml");
    private WebApplication _service = null!;
    private string _schema = null!;

    public async Task InitializeAsync()
    {
        _service = Bff.Samples.Common.SampleHost.CreateBuilder("http://127.0.0.1:0", "Styles").Build();
        _service.Run(context =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            _received.Enqueue(target);
            return context.Response.WriteAsJsonAsync(new { url = target });
        });
        await _service.StartAsync();
        _schema = CustomSchema.Write(Sdl);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, _contract), Contract);
    }

    public async Task DisposeAsync()
    {
        CustomSchema.Delete(_schema);
        File.Delete(Path.Combine(AppContext.BaseDirectory, _contract));
        await _service.StopAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Every_parameter_reaches_the_service_in_its_contract_style()
    {
        using var host = new TestHost<Bff.WebBff.Program>(new Dictionary<string, string?>
        {
            ["Bff:Schema"] = _schema,
            ["Bff:Sources:styles:Kind"] = "Rest",
            ["Bff:Sources:styles:Contract"] = _contract,
            ["Bff:Sources:styles:BaseAddress"] = _service.Urls.First(),
        });

        var (status, body) = await host.PostAsync("""{ items(ids: ["a", "b"], tags: ["x y", "z"], color: {r: 1, g: 2}) }""");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        const string expected = "/items/a,b?form=x%20y&form=z&csv=x%20y,z&space=x%20y%20z&pipe=x%20y%7Cz&color%5Br%5D=1&color%5Bg%5D=2";
        Assert.Equal(expected, (string?)body["data"]!["items"]);
        Assert.Equal(expected, Assert.Single(_received));
    }
}
