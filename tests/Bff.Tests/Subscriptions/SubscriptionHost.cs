using Bff.Auth;
using Bff.Stitching.Composition;
using Bff.Tests.Fixtures;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Subscriptions;

/// <summary>
/// The mobile host with a small schema of its own whose <c>Subscription</c> fields stream from a
/// <see cref="TestEventSource"/>: the transports are tested apart from the gRPC bindings that will feed them. The host's
/// shipped appsettings.json applies (limits, rate limits), with test tokens and <paramref name="settings"/> on top.
/// </summary>
public sealed class SubscriptionHost : IDisposable
{
    private const string Sdl = """
        type Query { hello: String }
        type Mutation { publish(topic: String!, text: String!): Int }
        type Subscription {
          events(topic: String!): Event
          privateEvents(topic: String!): Event @authorize(policy: "admins")
        }
        type Event { seq: Int! text: String }
        """;

    private readonly TestSchema _file = new(Sdl);

    public SubscriptionHost(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(TestTokens.HostSettings)
        {
            ["Bff:Auth:Policies:admins:Roles:0"] = "admin",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        Host = new TestHost<Bff.MobileBff.Program>(all, services => services.AddSingleton(sp => Build(sp.GetRequiredService<FieldAuthorizer>())));
        var address = Host.Http.BaseAddress!;
        WebSocketUri = new Uri($"ws://{address.Authority}/graphql");
    }

    public TestEventSource Source { get; } = new();

    public TestHost<Bff.MobileBff.Program> Host { get; }

    public HttpClient Http => Host.Http;

    public Uri WebSocketUri { get; }

    public void Dispose()
    {
        Host.Dispose();
        _file.Dispose();
    }

    private BffSchema Build(FieldAuthorizer authorizer)
    {
        var schema = Schema.For(Sdl + "\ndirective @authorize(policy: String, roles: [String!], scopes: [String!]) on FIELD_DEFINITION | OBJECT\n");
        foreach (var field in schema.Subscription!.Fields)
        {
            field.StreamResolver = new SourceStreamResolver<object?>(context => Source.For(context.GetArgument<string>("topic")));
        }

        schema.Initialize();
        schema.Query.GetField("hello")!.Resolver = new FuncFieldResolver<string>(_ => "world");
        schema.Mutation!.GetField("publish")!.Resolver = new FuncFieldResolver<int>(context =>
            Source.Publish(context.GetArgument<string>("topic"), new TestEvent(0, context.GetArgument<string>("text"))));
        var eventType = (IObjectGraphType)schema.AllTypes["Event"]!;
        eventType.GetField("seq")!.Resolver = new FuncFieldResolver<int>(context => ((TestEvent)context.Source!).Seq);
        eventType.GetField("text")!.Resolver = new FuncFieldResolver<string>(context => ((TestEvent)context.Source!).Text);
        var errors = new List<string>();
        AuthorizationWiring.Apply(schema, authorizer, where => where, errors);
        Assert.Empty(errors);
        return new BffSchema(schema, [], SdlFile.Load(_file.File, Path.Combine(AppContext.BaseDirectory, _file.File)));
    }
}
