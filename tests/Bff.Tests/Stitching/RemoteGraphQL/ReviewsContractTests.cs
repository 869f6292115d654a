using Bff.Samples.Common;
using Bff.Samples.Reviews;
using Bff.Stitching;
using Bff.Stitching.Bindings;
using Bff.Stitching.Composition;
using Bff.Stitching.Contracts;
using Bff.Stitching.RemoteGraphQL;
using Bff.Tests.Deployment;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>The reviews service's contract: the SDL file kept in schemas/ and the schema read by introspection agree.</summary>
public sealed class ReviewsContractTests
{
    private static readonly GraphQLProtocol Protocol = (GraphQLProtocol)TestProtocols.All.ForKind(SourceKind.GraphQL)!;

    [Fact]
    public void Sdl_file_is_the_services_printed_schema()
    {
        var file = File.ReadAllText(DeploymentFiles.PathOf("schemas/downstream/reviews.graphql"));

        // Regenerate with: dotnet run --project samples/Reviews -- --print-schema > schemas/downstream/reviews.graphql
        Assert.Equal(ReviewsService.PrintSchema().ReplaceLineEndings(), file.ReplaceLineEndings());
    }

    [Fact]
    public async Task Introspection_reads_the_same_contract_as_the_sdl_file()
    {
        await using var service = ReviewsService.Create("http://127.0.0.1:0", new RequestLog(), new HttpFaults(), new FieldFaults(), new OperationLog());
        await service.StartAsync();
        var errors = new List<string>();
        var options = new SourceOptions { Kind = SourceKind.GraphQL, Contract = "introspection", BaseAddress = new Uri(service.Urls.First() + "/graphql") };

        var fetched = (GraphQLContract?)Protocol.FetchContract("reviews", options, "appsettings.json: Bff:Sources:reviews:Contract", errors);
        var file = (GraphQLContract?)Protocol.LoadContract(new ContractFile("schemas/downstream/reviews.graphql",
            Path.Combine(AppContext.BaseDirectory, "schemas/downstream/reviews.graphql"), AppContext.BaseDirectory, options), errors);

        Assert.Empty(errors);
        Assert.Contains("ratings(profileIds: [ID!]!): [Rating!]!", file!.Schema.Describe());
        Assert.Equal(file.Schema.Describe(), fetched!.Schema.Describe());
    }

    [Fact]
    public void Introspection_of_a_service_that_never_starts_is_a_startup_problem_naming_source_and_address()
    {
        var options = new Bff.Hosting.BffOptions { Schema = "schemas/web.graphql" };
        options.Sources["reviews"] = new SourceOptions
        {
            Kind = SourceKind.GraphQL, Contract = "introspection", BaseAddress = new Uri("http://127.0.0.1:9/graphql"), ContractWait = TimeSpan.FromSeconds(1),
        };

        var contracts = ContractSet.Load(options.Sources, TestProtocols.All, AppContext.BaseDirectory, "appsettings.json");

        var error = Assert.Single(contracts.Errors);
        Assert.StartsWith("appsettings.json: Bff:Sources:reviews:Contract: could not read the schema of http://127.0.0.1:9/graphql by introspection within 1 s (", error);
        Assert.Contains("attempts, last: ConnectionError); start the service first, raise ContractWait, or use an SDL file.", error);
    }

    [Fact]
    public async Task Introspection_waits_for_a_service_that_starts_late()
    {
        var port = LoopbackPort.Free();
        var options = new SourceOptions { Kind = SourceKind.GraphQL, Contract = "introspection", BaseAddress = new Uri($"http://127.0.0.1:{port}/graphql") };
        var errors = new List<string>();
        await using var service = ReviewsService.Create($"http://127.0.0.1:{port}", new RequestLog(), new HttpFaults(), new FieldFaults(), new OperationLog());

        var fetch = Task.Run(() => Protocol.FetchContract("reviews", options, "reviews", errors));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Assert.False(fetch.IsCompleted, "the service is not up yet");
        await service.StartAsync();
        var contract = await fetch.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(errors);
        Assert.NotNull(contract);
    }
}
