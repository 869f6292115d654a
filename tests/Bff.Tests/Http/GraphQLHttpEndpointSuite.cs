using Bff.Documents;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Http;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Http;

/// <summary>GraphQL-over-HTTP behaviour, run against both hosts so they cannot drift.</summary>
public abstract class GraphQLHttpEndpointSuite<TProgram>
    where TProgram : class
{
    private readonly HostClient _host;

    protected GraphQLHttpEndpointSuite(DemoServicesFixture demo) => _host = HostClient.For<TProgram>(demo);

    [Fact]
    public async Task Post_json_returns_data()
    {
        var (status, body) = await _host.PostAsync("{ __typename }");

        Assert.Equal(200, status);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task Get_with_query_parameter_returns_data_as_graphql_response_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("query Q { __typename }") + "&operationName=Q");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"__typename\":\"Query\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_mutation_is_refused_with_405_and_allow_post()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"));
        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Contains("METHOD_NOT_ALLOWED", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("application/graphql-response+json", 400)]
    [InlineData("application/json", 200)]
    public async Task Validation_error_status_depends_on_media_type(string accept, int expected)
    {
        var (status, body) = await _host.PostAsync("{ noSuchField }", accept: accept);

        Assert.Equal(expected, status);
        Assert.Null(body["data"]);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("application/graphql-response+json", 400)]
    [InlineData("application/json", 200)]
    public async Task Parse_error_status_depends_on_media_type(string accept, int expected)
    {
        var (status, body) = await _host.PostAsync("{ __typename ", accept: accept);

        Assert.Equal(expected, status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Deeply_nested_document_is_a_parse_error_not_a_500()
    {
        var query = "{" + string.Concat(Enumerable.Repeat("a {", 300)) + "b" + new string('}', 301);
        var (status, body) = await _host.PostAsync(query);

        Assert.Equal(400, status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("{ \"query\": ", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("\"just a string\"", "application/json")]
    [InlineData("{ \"query\": 42 }", "application/json")]
    [InlineData("{ \"query\": \"{ __typename }\", \"variables\": \"nope\" }", "application/json")]
    public async Task Malformed_body_is_400(string json, string contentType)
    {
        using var request = Post(json, contentType);
        var (status, body) = await _host.SendAsync(request);

        Assert.Equal(400, status);
        Assert.Equal("BAD_REQUEST", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    public async Task Non_json_content_type_is_415(string contentType)
    {
        using var request = Post("{\"query\":\"{ __typename }\"}", contentType);
        var (status, body) = await _host.SendAsync(request);

        Assert.Equal(415, status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var limit = _host.Services.GetRequiredService<Bff.Hosting.BffOptions>().Http.MaxRequestBodyBytes;
        var query = "{ __typename " + new string(' ', (int)limit) + "}";
        var (status, body) = await _host.PostAsync(query);

        Assert.Equal(413, status);
        Assert.Equal("PAYLOAD_TOO_LARGE", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Unacceptable_accept_header_is_406()
    {
        using var request = Post("{\"query\":\"{ __typename }\"}", "application/json");
        request.Headers.Accept.ParseAdd("application/xml");
        var (status, _) = await _host.SendAsync(request);

        Assert.Equal(406, status);
    }

    [Fact]
    public async Task Put_is_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        var (status, _) = await _host.SendAsync(request);

        Assert.Equal(405, status);
    }

    [Fact]
    public async Task Missing_query_is_400()
    {
        using var request = Post("{\"operationName\":\"X\"}", "application/json");
        var (status, body) = await _host.SendAsync(request);

        Assert.Equal(400, status);
        Assert.Equal("BAD_REQUEST", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Variables_of_the_wrong_type_are_bad_user_input()
    {
        var (status, body) = await _host.PostAsync("query ($id: ID!) { profile(id: $id) { id } }", new { id = new { nested = 1 } });

        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Unknown_operation_name_is_reported()
    {
        using var request = Post("{\"query\":\"query A { __typename }\",\"operationName\":\"B\"}", "application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var (status, body) = await _host.SendAsync(request);

        Assert.Equal(400, status);
        Assert.Equal("OPERATION_NOT_FOUND", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Query_in_url_does_not_override_post_body()
    {
        using var request = Post("{\"query\":\"{ __typename }\"}", "application/json");
        request.RequestUri = new Uri("/graphql?query=" + Uri.EscapeDataString("{ __schema { queryType { name } } }"), UriKind.Relative);
        var (status, body) = await _host.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
        Assert.Null(body["data"]!["__schema"]);
    }

    [Fact]
    public async Task Batch_returns_one_result_per_operation()
    {
        using var request = Post("[{\"query\":\"{ __typename }\"},{\"query\":\"{ nope }\"}]", "application/json");
        using var response = await _host.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonArray;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body!.Count);
        Assert.Equal("Query", (string?)body[0]!["data"]!["__typename"]);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string?)body[1]!["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Batch_over_the_limit_is_refused()
    {
        var max = _host.Services.GetRequiredService<Bff.Hosting.BffOptions>().Http.MaxBatchOperations;
        var batch = "[" + string.Join(',', Enumerable.Repeat("{\"query\":\"{ __typename }\"}", max + 1)) + "]";
        using var request = Post(batch, "application/json");
        var (status, body) = await _host.SendAsync(request);

        Assert.Equal(400, status);
        Assert.Contains(max.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)body["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Repeated_query_is_parsed_once()
    {
        var cache = _host.Services.GetRequiredService<DocumentCache>();
        var query = "query CacheProbe" + Guid.NewGuid().ToString("N") + " { __typename }";

        await _host.PostAsync(query);
        var afterFirst = cache.Get(query);
        await _host.PostAsync(query);

        Assert.NotNull(afterFirst);
        Assert.Same(afterFirst, cache.Get(query));
    }

    [Fact]
    public async Task Invalid_document_is_not_cached()
    {
        var cache = _host.Services.GetRequiredService<DocumentCache>();
        var query = "{ notAField" + Guid.NewGuid().ToString("N") + " }";

        await _host.PostAsync(query);

        Assert.Null(cache.Get(query));
    }

    [Fact]
    public async Task Binding_directives_are_hidden_from_introspection()
    {
        var (_, body) = await _host.PostAsync("{ __schema { directives { name } } }");
        var names = body["data"]!["__schema"]!["directives"]!.AsArray().Select(d => (string?)d!["name"]).ToList();

        Assert.Contains("include", names);
        Assert.DoesNotContain("rest", names);
        Assert.DoesNotContain("grpc", names);
    }

    private static HttpRequestMessage Post(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobileGraphQLHttpEndpointTests(DemoServicesFixture demo) : GraphQLHttpEndpointSuite<Bff.MobileBff.Program>(demo);

[Collection(DemoCollection.Name)]
public sealed class WebGraphQLHttpEndpointTests(DemoServicesFixture demo) : GraphQLHttpEndpointSuite<Bff.WebBff.Program>(demo);
