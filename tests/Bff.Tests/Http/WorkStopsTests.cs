using Bff.Operations;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Http;
using Bff.Stitching.Execution;
using Bff.Tests.Fixtures;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Http;

/// <summary>
/// CPU work ends with its request: once the client leaves or the request budget is spent, the count of resolved
/// fields stops growing. The operations are legal but heavy (limits off): 4 batched operations, each 10 lists of 100 jobs
/// with 1,500 aliased fields, so one operation takes longer than the budget on any machine.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class WorkStopsTests(DemoServicesFixture demo)
{
    private const int Operations = 4;
    private const int Lists = 10;
    private const int Jobs = 100;
    private const int Aliases = 1500;
    private const long PerOperation = (long)Lists * Jobs * (Aliases + 1);
    private const long AllFields = Operations * PerOperation;

    [Fact]
    public async Task Resolving_stops_when_the_client_disconnects()
    {
        var recorder = new ContextRecorder();
        using var host = new TestHost<Bff.WebBff.Program>(Settings("00:01:00"), services => services.AddSingleton<IGraphQLOperationFilter>(recorder));
        using var client = new CancellationTokenSource();

        var sending = host.Http.SendAsync(HeavyBatch(), client.Token);
        await recorder.WaitForWorkAsync();
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        var (stoppedAt, later) = await recorder.SampleAsync();
        Assert.Equal(stoppedAt, later);
        Assert.True(later < AllFields, $"{later} of {AllFields} fields were resolved: the work did not stop early");
    }

    [Fact]
    public async Task Resolving_stops_when_the_request_budget_is_spent()
    {
        var recorder = new ContextRecorder();
        using var host = new TestHost<Bff.WebBff.Program>(Settings("00:00:02"), services => services.AddSingleton<IGraphQLOperationFilter>(recorder));

        using var response = await host.Http.SendAsync(HeavyBatch());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("GATEWAY_TIMEOUT", body.ToJsonString());
        var (stoppedAt, later) = await recorder.SampleAsync();
        Assert.Equal(stoppedAt, later);
        // The operation running when the budget ran out was cut short, not finished and then discarded.
        Assert.Contains(recorder.PerOperation, resolved => resolved > 0 && resolved < PerOperation);
    }

    private Dictionary<string, string?> Settings(string requestTimeout)
    {
        var settings = demo.HostSettings;
        settings["Bff:Http:RequestTimeout"] = requestTimeout;
        foreach (var source in new[] { "profiles", "jobs", "proposals", "reviews" })
        {
            settings[$"Bff:Sources:{source}:Timeout"] = "00:00:01.500";
            settings[$"Bff:Sources:{source}:Resilience:AttemptTimeout"] = "00:00:01.400";
        }

        foreach (var limit in new[] { "MaxDepth", "MaxAliases", "MaxTokens", "MaxCost", "MaxSelections" })
        {
            settings[$"Bff:Limits:{limit}"] = "0";
        }

        settings["Bff:Http:MaxRequestBodyBytes"] = "10000000";
        settings["Bff:Http:MaxBatchOperations"] = Operations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    private static HttpRequestMessage HeavyBatch()
    {
        var lists = string.Concat(Enumerable.Range(0, Lists).Select(i => $"l{i}: jobs(first: {Jobs}) {{ nodes {{ ...J }} }} "));
        var query = $"{{ {lists}}} fragment J on Job {{ id "
            + string.Concat(Enumerable.Range(0, Aliases).Select(i => $"a{i}: title ")) + "}";
        var operation = new JsonObject { ["query"] = query }.ToJsonString();
        var batch = "[" + string.Join(',', Enumerable.Repeat(operation, Operations)) + "]";
        return new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(batch, Encoding.UTF8, "application/json") };
    }

    /// <summary>Keeps the request context of every operation, to read how many fields it has resolved.</summary>
    private sealed class ContextRecorder : IGraphQLOperationFilter
    {
        private readonly ConcurrentQueue<BffRequestContext> _contexts = new();

        public int Order => int.MaxValue;

        public long Resolved => _contexts.Sum(c => c.ResolvedFields);

        public IEnumerable<long> PerOperation => _contexts.Select(c => c.ResolvedFields);

        public ValueTask<GraphQLOperationOutcome?> BeforeExecuteAsync(GraphQLOperationContext context)
        {
            _contexts.Enqueue(context.RequestContext);
            return default;
        }

        public ValueTask AfterExecuteAsync(GraphQLOperationContext context, ExecutionResult result) => default;

        public async Task WaitForWorkAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Resolved < 10_000)
            {
                Assert.True(DateTime.UtcNow < deadline, "the operations never started resolving");
                await Task.Delay(5);
            }
        }

        /// <summary>The count shortly after the request ended, and again a second later.</summary>
        public async Task<(long StoppedAt, long Later)> SampleAsync()
        {
            await Task.Delay(500);
            var stoppedAt = Resolved;
            await Task.Delay(1000);
            return (stoppedAt, Resolved);
        }
    }
}
