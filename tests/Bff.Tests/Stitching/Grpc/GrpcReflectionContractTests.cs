using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>
/// <c>Contract: reflection</c>: the gRPC contract read from the running demo Proposals service through server
/// reflection gives the same schema and answers as its .proto file; a service that does not answer is a start-up
/// problem after the configured wait.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class GrpcReflectionContractTests(DemoServicesFixture demo)
{
    private const string Introspection = """
        { __schema { types { name kind enumValues { name } fields { name args { name type { name kind ofType { name kind } } }
          type { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } } }
        """;

    private const string Proposals = """
        { proposal(id: "pr1") { id coverLetter bid { currency amountCents } status submittedAt estimatedDays }
          missing: proposal(id: "nope") { id }
          proposals(jobId: "j1", first: 2) { totalCount nextPageToken nodes { id status } } }
        """;

    [Fact]
    public async Task A_host_bound_through_server_reflection_has_the_same_schema_and_answers_as_through_the_proto_file()
    {
        using var fromFile = new TestHost<Bff.WebBff.Program>(demo.HostSettings);
        using var fromReflection = new TestHost<Bff.WebBff.Program>(new Dictionary<string, string?>(demo.HostSettings)
        {
            ["Bff:Sources:proposals:Contract"] = "reflection",
        });

        var (_, fileSchema) = await fromFile.PostAsync(Introspection);
        var (_, reflectedSchema) = await fromReflection.PostAsync(Introspection);
        var (_, fileAnswer) = await fromFile.PostAsync(Proposals);
        var (_, reflectedAnswer) = await fromReflection.PostAsync(Proposals);

        Assert.NotNull(fileSchema["data"]?["__schema"]);
        Assert.Equal(fileSchema["data"]!.ToJsonString(), reflectedSchema["data"]!.ToJsonString());
        Assert.True(fileAnswer["data"]?["proposal"]?["id"]?.GetValue<string>() == "pr1", fileAnswer.ToJsonString());
        Assert.True(fileAnswer["data"]?["proposals"] is JsonObject, fileAnswer.ToJsonString());
        Assert.Equal(fileAnswer["data"]!.ToJsonString(), reflectedAnswer["data"]!.ToJsonString());
        Assert.Equal(fileAnswer["errors"]?.ToJsonString(), reflectedAnswer["errors"]?.ToJsonString());
    }

    [Fact]
    public void A_source_whose_service_is_down_is_a_start_up_problem_naming_source_and_address_after_the_wait()
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        using var factory = new BffHostFactory<Bff.WebBff.Program>(new Dictionary<string, string?>(demo.HostSettings)
        {
            ["Bff:Sources:proposals:Contract"] = "reflection",
            ["Bff:Sources:proposals:BaseAddress"] = address.ToString(),
            ["Bff:Sources:proposals:ContractWait"] = "00:00:00.600",
        });
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(600), $"gave up after {clock.Elapsed}");
        Assert.Contains($"Bff:Sources:proposals:Contract: gRPC server reflection of source 'proposals' at {address} did not answer within 0.6 s (Unavailable", error.Message, StringComparison.Ordinal);
    }
}
