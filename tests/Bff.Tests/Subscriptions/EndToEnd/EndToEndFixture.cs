using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Subscriptions.EndToEnd;

/// <summary>
/// Demo services of their own (so submitting proposals and breaking streams here touches no other suite, and the
/// service's stream counts are this collection's alone) and the web host as shipped: its appsettings.json with only
/// the services' and the issuer's addresses set. The mobile host, in Production, is started on first use.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    private readonly Lazy<BffHostFactory<Bff.MobileBff.Program>> _mobile;

    public EndToEndFixture() => _mobile = new(() =>
    {
        var factory = new BffHostFactory<Bff.MobileBff.Program>(Demo.AddressSettings, "Production");
        factory.StartServer();
        return factory;
    });

    public DemoServicesFixture Demo { get; } = new();

    public TestHost<Bff.WebBff.Program> Web { get; private set; } = null!;

    /// <summary>Gets the web host's graphql-ws address.</summary>
    public Uri WebSocketUri => Sockets(Web.Http);

    /// <summary>Gets the graphql-ws address of the mobile host in Production (trusted documents enforced).</summary>
    public Uri MobileWebSocketUri
    {
        get
        {
            using var http = _mobile.Value.CreateClient();
            return Sockets(http);
        }
    }

    public static Uri Sockets(HttpClient http) => new($"ws://{http.BaseAddress!.Authority}/graphql");

    public async Task InitializeAsync()
    {
        await Demo.InitializeAsync();
        Web = new TestHost<Bff.WebBff.Program>(Demo.AddressSettings);
    }

    public async Task DisposeAsync()
    {
        Web.Dispose();
        if (_mobile.IsValueCreated)
        {
            _mobile.Value.Dispose();
        }

        await Demo.DisposeAsync();
    }

    /// <summary>
    /// Submits <paramref name="count"/> proposals for <paramref name="jobId"/>, one after the other, through the web
    /// host's real <c>submitProposal</c> mutation, each by the next freelancer (p2, p3, p4, …) who has not bid on it yet.
    /// </summary>
    /// <returns>The submitted proposals: <c>id</c>, <c>freelancer.id</c>, <c>bid.amountCents</c>.</returns>
    public async Task<List<JsonObject>> SubmitAsync(string jobId, int count)
    {
        const string Submit = "mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id freelancer { id } bid { amountCents } } }";
        var submitted = new List<JsonObject>();
        for (var n = 2; submitted.Count < count; n++)
        {
            if (n % 5 == 1)
            {
                continue; // a client, not a freelancer
            }

            var input = new JsonObject { ["jobId"] = jobId, ["coverLetter"] = "I can start on Monday.", ["bidCents"] = 50_000 + n, ["estimatedDays"] = 7 };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(new JsonObject { ["query"] = Submit, ["variables"] = new JsonObject { ["input"] = input } }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Demo.Token($"p{n}", scopes: ["proposals:write"]));
            using var response = await Web.Http.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if ((string?)body["errors"]?[0]?["extensions"]?["status"] == "AlreadyExists")
            {
                continue; // the seed gave this freelancer a proposal for the job
            }

            Assert.Null(body["errors"]);
            submitted.Add(body["data"]!["submitProposal"]!.AsObject());
        }

        return submitted;
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "subscriptions end to end";
}
