using System.Text.Json.Nodes;
using Bff.Samples.Common;
using Bff.Samples.Reviews;
using Bff.Stitching;
using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.RemoteGraphQL;
using Bff.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>
/// A GraphQL source with several <c>Addresses</c> is balanced and fails over like a REST source, and the schema read
/// by introspection at start-up is asked for with the source's credentials.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReviewsInstancesTests(DemoServicesFixture demo)
{
    private static readonly GraphQLProtocol Protocol = (GraphQLProtocol)TestProtocols.All.ForKind(SourceKind.GraphQL)!;

    [Fact]
    public async Task Calls_are_spread_over_the_instances_and_skip_one_that_is_down()
    {
        var second = new OperationLog();
        await using var service = ReviewsService.Create("http://127.0.0.1:0", new RequestLog(), new HttpFaults(), new FieldFaults(), second);
        await service.StartAsync();
        var down = $"http://127.0.0.1:{LoopbackPort.Free()}/graphql";
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:reviews:BaseAddress"] = "",
            ["Bff:Sources:reviews:Addresses:0"] = demo.ReviewsUrl.ToString(),
            ["Bff:Sources:reviews:Addresses:1"] = down,
            ["Bff:Sources:reviews:Addresses:2"] = service.Urls.First() + "/graphql",
        });
        demo.ReviewsOperations.Reset();

        var answers = new List<JsonObject>();
        for (var i = 0; i < 6; i++)
        {
            var (status, body) = await host.PostAsync("""{ reviews(profileId: "p1", first: 1) { stars } }""");
            Assert.Equal(200, status);
            answers.Add(body);
        }

        Assert.All(answers, a => Assert.Null(a["errors"]));
        Assert.All(answers, a => Assert.Equal(answers[0]["data"]!.ToJsonString(), a["data"]!.ToJsonString()));
        Assert.Equal(6, demo.ReviewsOperations.All.Count + second.All.Count);
        Assert.InRange(demo.ReviewsOperations.All.Count, 2, 4);
        Assert.InRange(second.All.Count, 2, 4);
    }

    [Fact]
    public async Task Introspection_carries_the_sources_credentials()
    {
        await using var service = ReviewsService.Create("http://127.0.0.1:0", new RequestLog(), new HttpFaults(), new FieldFaults(), new OperationLog(), introspectionToken: "s3cret");
        await service.StartAsync();
        var endpoint = new Uri(service.Urls.First() + "/graphql");
        var guarded = new SourceOptions { Kind = SourceKind.GraphQL, Contract = "introspection", BaseAddress = endpoint };
        var allowed = new SourceOptions { Kind = SourceKind.GraphQL, Contract = "introspection", BaseAddress = endpoint };
        allowed.Auth.Credentials.Add(new SourceCredentialOptions { Header = "Authorization", Value = "Bearer s3cret" });
        var refused = new List<string>();
        var errors = new List<string>();

        Assert.Null(Protocol.FetchContract("reviews", guarded, "appsettings.json: Bff:Sources:reviews:Contract", refused));
        var contract = (GraphQLContract?)Protocol.FetchContract("reviews", allowed, "appsettings.json: Bff:Sources:reviews:Contract", errors);

        Assert.Equal($"appsettings.json: Bff:Sources:reviews:Contract: introspection of {endpoint} was refused (HTTP 401: Introspection needs a bearer token.); "
            + "enable introspection on the service or use an SDL file.", Assert.Single(refused));
        Assert.Empty(errors);
        Assert.Contains("Union Reviewer", contract!.Schema.Describe());
    }

    [Fact]
    public async Task Web_host_reads_a_guarded_schema_with_its_credential_and_answers()
    {
        await using var service = ReviewsService.Create("http://127.0.0.1:0", new RequestLog(), new HttpFaults(), new FieldFaults(), new OperationLog(), introspectionToken: "s3cret");
        await service.StartAsync();
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:reviews:Contract"] = "introspection",
            ["Bff:Sources:reviews:BaseAddress"] = service.Urls.First() + "/graphql",
            ["Bff:Sources:reviews:Auth:Credentials:0:Header"] = "Authorization",
            ["Bff:Sources:reviews:Auth:Credentials:0:Value"] = "Bearer s3cret",
        });

        var (status, body) = await host.PostAsync("""{ reviews(profileId: "p1", first: 1) { stars reviewer { __typename } } }""");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Single(body["data"]!["reviews"]!.AsArray());
    }
}
