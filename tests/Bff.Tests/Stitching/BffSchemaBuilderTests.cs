using Bff.Hosting;
using Bff.Stitching;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Tests.Fixtures;
using GraphQL.Resolvers;
using Bff.Stitching.Composition;
using Bff.Stitching.Bindings;

namespace Bff.Tests.Stitching;

/// <summary>Bad bindings stop the host at start-up with every problem named by file, line and field.</summary>
public sealed class BffSchemaBuilderTests : IDisposable
{
    private readonly string _file = Path.Combine("schemas", $"test-{Guid.NewGuid():N}.graphql");
    private readonly string _proto = Path.Combine("schemas", $"test-{Guid.NewGuid():N}.proto");

    public void Dispose()
    {
        File.Delete(Path.Combine(AppContext.BaseDirectory, _file));
        File.Delete(Path.Combine(AppContext.BaseDirectory, _proto));
    }

    [Fact]
    public void Valid_schema_builds()
    {
        var schema = Build("""
            type Query { job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
            type Job { id: ID! title: String! clientId: ID! }
            """);

        Assert.Single(schema.Bindings);
    }

    [Fact]
    public void Unknown_source_is_named_with_file_line_and_field()
    {
        var error = Fail("""
            type Query {
              job(id: ID!): Job @rest(source: "nope", path: "/jobs/{args.id}")
            }
            type Job { id: ID! }
            """);

        Assert.Contains($"{_file}:2: Query.job: @rest source 'nope' is not configured", error);
    }

    [Fact]
    public void Unknown_grpc_method_is_reported()
    {
        var error = Fail("""
            type Query { p(id: ID!): P @grpc(source: "proposals", method: "marketplace.proposals.v1.ProposalService/Nope", request: "id: {args.id}") }
            type P { id: ID! }
            """);

        Assert.Contains("Query.p: @grpc method 'marketplace.proposals.v1.ProposalService/Nope' is not in", error);
    }

    [Fact]
    public void Streaming_grpc_method_is_named_as_streaming_not_as_missing()
    {
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, _proto), """
            syntax = "proto3";
            package feed.v1;
            service Feed {
              rpc Watch (WatchRequest) returns (stream Event);
              rpc Upload (stream Event) returns (WatchRequest);
              rpc Chat (stream Event) returns (stream Event);
            }
            message WatchRequest { string id = 1; }
            message Event { string id = 1; }
            """);

        var ex = Assert.Throws<BffConfigurationException>(() => Build("""
            type Query {
              watch(id: ID!): E @grpc(source: "feed", method: "feed.v1.Feed/Watch", request: "id: {args.id}")
              upload: P @grpc(source: "feed", method: "feed.v1.Feed/Upload")
              chat: E @grpc(source: "feed", method: "feed.v1.Feed/Chat")
            }
            type E { id: ID! }
            type P { id: ID! }
            """));

        Assert.Contains($"{_file}:2: Query.watch: @grpc method 'feed.v1.Feed/Watch' is server-streaming: outside Subscription it backs a list field only with a bound, take: N", ex.Message);
        Assert.Contains($"{_file}:3: Query.upload: @grpc method 'feed.v1.Feed/Upload' is client-streaming; the gateway calls unary and server-streaming methods only", ex.Message);
        Assert.Contains($"{_file}:4: Query.chat: @grpc method 'feed.v1.Feed/Chat' is bidirectional streaming", ex.Message);
        Assert.DoesNotContain("is not in", ex.Message);
    }

    [Fact]
    public void Unbound_subscription_field_is_reported_like_any_binding_problem()
    {
        var ex = Assert.Throws<BffConfigurationException>(() => Build("""
            type Query { job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
            type Subscription {
              jobPosted: Job
            }
            type Job { id: ID! title: String! clientId: ID! }
            """));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith($"{_file}:3: Subscription.jobPosted: a Subscription field needs a stream: bind it with @grpc to a server-streaming method", error);
        Assert.DoesNotContain("StreamResolver", error);
    }

    [Fact]
    public void Unknown_request_message_field_is_reported()
    {
        var error = Fail("""
            type Query { p(id: ID!): P @grpc(source: "proposals", method: "marketplace.proposals.v1.ProposalService/GetProposal", request: "proposal_id: {args.id}") }
            type P { id: ID! }
            """);

        Assert.Contains("'proposal_id' is not a field of marketplace.proposals.v1.GetProposalRequest", error);
    }

    [Fact]
    public void Path_variable_without_a_value_is_reported()
    {
        var error = Fail("""
            type Query { job(key: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
            type Job { id: ID! }
            """);

        Assert.Contains("Query.job: {args.id} has no value: the field has no argument 'id'", error);
    }

    [Fact]
    public void Nullable_path_variable_is_reported()
    {
        var error = Fail("""
            type Query { job(id: ID): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
            type Job { id: ID! }
            """);

        Assert.Contains("path variable {args.id} can be null", error);
    }

    [Fact]
    public void Selection_that_does_not_exist_is_reported()
    {
        var error = Fail("""
            type Query { jobs: [Job!]! @rest(source: "jobs", path: "/jobs", select: "rows") }
            type Job { id: ID! }
            """);

        Assert.Contains("select 'rows' does not exist in the response", error);
    }

    [Fact]
    public void Field_missing_from_the_contract_is_reported()
    {
        var error = Fail("""
            type Query { job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
            type Job { id: ID! salary: Int! }
            """);

        Assert.Contains("Job.salary: 'salary' is not a property of", error);
    }

    [Fact]
    public void Type_mismatch_is_reported()
    {
        var error = Fail("""
            type Query { job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
            type Job { id: ID! title: Int! remote: String! }
            """);

        Assert.Contains("Job.title: type mismatch: the field is Int", error);
    }

    [Fact]
    public void Unknown_operation_and_query_parameter_are_reported()
    {
        var error = Fail("""
            type Query {
              a: [Job!]! @rest(source: "jobs", path: "/vacancies")
              b: Job @rest(source: "jobs", path: "/jobs?colour=red")
            }
            type Job { id: ID! }
            """);

        Assert.Contains("@rest GET /vacancies matches no operation of schemas/downstream/jobs.openapi.json", error);
        Assert.Contains("query parameter 'colour' is not a parameter of GET /jobs", error);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Assert.Throws<BffConfigurationException>(() => Build("""
            type Query {
              a(id: ID!): Job @rest(source: "nope", path: "/jobs/{args.id}")
              b(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.other}")
              c: Job @grpc(source: "jobs", method: "x.Y/Z")
            }
            type Job { id: ID! }
            """));

        Assert.Equal(3, ex.Errors.Count);
        Assert.All(ex.Errors, e => Assert.StartsWith(_file + ":", e));
    }

    [Fact]
    public void Batched_binding_without_keys_is_reported()
    {
        var error = Fail("""
            type Query { job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
            type Job { id: ID! clientId: ID! client: Profile @rest(source: "profiles", path: "/profiles?ids=1", batchKey: "{parent.clientId}") }
            type Profile { id: ID! }
            """);

        Assert.Contains("has batchKey but no template uses {keys}", error);
    }

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var error = Fail("type Query {\n  a: String\n  b: \n}");

        Assert.Contains($"{_file}:4:1", error);
    }

    [Fact]
    public void Csharp_resolver_replaces_the_default_and_unknown_coordinates_are_reported()
    {
        var resolver = new FuncFieldResolver<string>(_ => "hi");
        var schema = Build("type Query { hello: String }", new() { ["Query.hello"] = resolver });
        var ex = Assert.Throws<BffConfigurationException>(() => Build("type Query { hello: String }", new() { ["Query.nope"] = resolver }));

        Assert.Same(resolver, ((GraphQL.Types.IObjectGraphType)schema.Schema.AllTypes["Query"]!).GetField("hello")!.Resolver);
        Assert.Contains("AddResolver(\"Query.nope\"): the schema has no such field", ex.Message);
    }

    [Fact]
    public void Public_cache_on_a_source_that_receives_the_callers_token_is_refused()
    {
        var sdl = """
            type Query { job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") @cache(maxAge: 30) }
            type Job { id: ID! }
            """;
        _forwardJobsToken = true;

        var error = Fail(sdl);

        Assert.Contains("Query.job: @cache(scope: PUBLIC) on source 'jobs', which receives the caller's token", error);
        Assert.Single(Build(sdl.Replace("@cache(maxAge: 30)", "@cache(maxAge: 30, scope: PRIVATE)")).Bindings);
        _jobsAnswersVaryByCaller = false;
        Assert.Single(Build(sdl).Bindings);
    }

    private bool _forwardJobsToken;
    private bool _jobsAnswersVaryByCaller = true;

    private string Fail(string sdl) => Assert.Throws<BffConfigurationException>(() => Build(sdl)).Message;

    private BffSchema Build(string sdl, Dictionary<string, GraphQL.Resolvers.IFieldResolver>? resolvers = null)
    {
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, _file), sdl);
        var options = new BffOptions { Schema = _file };
        options.Sources["jobs"] = new SourceOptions { Kind = SourceKind.Rest, Contract = "schemas/downstream/jobs.openapi.json", BaseAddress = new Uri("http://127.0.0.1:1") };
        if (_forwardJobsToken)
        {
            options.Sources["jobs"].Auth.Mode = SourceAuthMode.Forward;
            options.Sources["jobs"].Auth.AnswersVaryByCaller = _jobsAnswersVaryByCaller;
        }

        options.Sources["profiles"] = new SourceOptions { Kind = SourceKind.Rest, Contract = "schemas/downstream/profiles.openapi.json", BaseAddress = new Uri("http://127.0.0.1:1") };
        options.Sources["proposals"] = new SourceOptions { Kind = SourceKind.Grpc, Contract = "schemas/downstream/proposals.proto", BaseAddress = new Uri("http://127.0.0.1:1") };
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, _proto)))
        {
            options.Sources["feed"] = new SourceOptions { Kind = SourceKind.Grpc, Contract = _proto, BaseAddress = new Uri("http://127.0.0.1:1") };
        }

        var contracts = ContractSet.Load(options.Sources, TestProtocols.All, AppContext.BaseDirectory, "appsettings.json");
        var dispatcher = new DownstreamDispatcher(new Dictionary<string, IDownstreamConnector>(), TimeProvider.System);
        return BffSchemaBuilder.Build(options.Schema, options.Sources, AppContext.BaseDirectory, contracts, TestProtocols.All, dispatcher, resolvers);
    }
}
