using System.Text.RegularExpressions;
using Bff.Resilience;
using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Streams;

/// <summary>Where a server-streaming method may be bound, and what a binding to one may carry, is checked at start-up with file and line.</summary>
public sealed partial class StreamBindingStartupTests
{
    private const string Proto = """
        syntax = "proto3";
        package feed.v1;
        service Feed {
          rpc Watch (WatchRequest) returns (stream Event);
          rpc Get (WatchRequest) returns (Event);
        }
        message WatchRequest { string id = 1; }
        message Event { string id = 1; string title = 2; }
        """;

    [Fact]
    public void A_subscription_and_a_bounded_list_over_a_stream_build()
    {
        var schema = ContractSchema.Build("""
            type Query { latest(id: ID!): [Event!] @grpc(source: "things", method: "feed.v1.Feed/Watch", request: "id: {args.id}", take: 5) }
            type Subscription { watch(id: ID!): Event @grpc(source: "things", method: "feed.v1.Feed/Watch", request: "id: {args.id}") }
            type Event { id: ID! title: String! }
            """, Proto);

        Assert.All(schema.Bindings, b => Assert.True(b.Streams));
        Assert.Equal(5, schema.Bindings.Single(b => b.FieldName == "latest").Take);
    }

    [Fact]
    public void A_unary_method_on_a_subscription_field_is_named_with_file_line_field_and_fix()
    {
        var error = ContractSchema.Fail("""
            type Query { event(id: ID!): Event @grpc(source: "things", method: "feed.v1.Feed/Get", request: "id: {args.id}") }
            type Subscription {
              watch(id: ID!): Event @grpc(source: "things", method: "feed.v1.Feed/Get", request: "id: {args.id}")
            }
            type Event { id: ID! title: String! }
            """, Proto);

        Assert.Matches(At(3, "Subscription.watch") + Regex.Escape("@grpc method 'feed.v1.Feed/Get' answers once, but a Subscription field needs a stream: bind a server-streaming method"), error);
    }

    [Fact]
    public void A_stream_on_a_query_field_without_a_bound_or_on_a_mutation_is_refused()
    {
        var error = ContractSchema.Fail("""
            type Query {
              all(id: ID!): [Event!] @grpc(source: "things", method: "feed.v1.Feed/Watch", request: "id: {args.id}")
              one(id: ID!): Event @grpc(source: "things", method: "feed.v1.Feed/Watch", request: "id: {args.id}", take: 1)
            }
            type Mutation { start(id: ID!): [Event!] @grpc(source: "things", method: "feed.v1.Feed/Watch", request: "id: {args.id}", take: 3) }
            type Event { id: ID! title: String! }
            """, Proto);

        Assert.Matches(At(2, "Query.all") + Regex.Escape("@grpc method 'feed.v1.Feed/Watch' is server-streaming: outside Subscription it backs a list field only with a bound, take: N"), error);
        Assert.Matches(At(3, "Query.one") + Regex.Escape("take collects the messages of @grpc method 'feed.v1.Feed/Watch' into a list, but the field is not a list: make it [Event]."), error);
        Assert.Matches(At(5, "Mutation.start") + Regex.Escape("@grpc method 'feed.v1.Feed/Watch' is server-streaming, which a Mutation field cannot be bound to: bind a unary method"), error);
    }

    [Fact]
    public void Unknown_methods_unbound_subscriptions_and_misplaced_arguments_are_each_reported()
    {
        var error = ContractSchema.Fail("""
            type Query {
              event(id: ID!): Event @grpc(source: "things", method: "feed.v1.Feed/Get", request: "id: {args.id}", take: 2)
              cached(id: ID!): [Event!] @grpc(source: "things", method: "feed.v1.Feed/Watch", request: "id: {args.id}", take: 2) @cache(maxAge: 10)
            }
            type Subscription {
              nope(id: ID!): Event @grpc(source: "things", method: "feed.v1.Feed/Nope", request: "id: {args.id}")
              unbound: Event
              bounded(id: ID!): Event @grpc(source: "things", method: "feed.v1.Feed/Watch", request: "id: {args.id}", take: 0)
            }
            type Event { id: ID! title: String! }
            """, Proto);

        Assert.Matches(At(2, "Query.event") + Regex.Escape("take applies to server-streaming methods; @grpc method 'feed.v1.Feed/Get' answers once: remove take."), error);
        Assert.Matches(At(3, "Query.cached") + Regex.Escape("@cache does not apply to streams"), error);
        Assert.Matches(At(6, "Subscription.nope") + Regex.Escape("@grpc method 'feed.v1.Feed/Nope' is not in"), error);
        Assert.DoesNotMatch(At(6, "Subscription.nope") + "@grpc method 'feed.v1.Feed/Nope' answers once", error);
        Assert.Matches(At(7, "Subscription.unbound") + Regex.Escape("a Subscription field needs a stream: bind it with @grpc to a server-streaming method"), error);
        Assert.Matches(At(8, "Subscription.bounded") + Regex.Escape("take applies to list fields outside Subscription"), error);
        Assert.Matches(At(8, "Subscription.bounded") + Regex.Escape("take must be at least 1 (is 0)."), error);
    }

    [Fact]
    public void Resubscribe_settings_out_of_range_name_their_key()
    {
        var sources = new Dictionary<string, SourceOptions>();
        var source = new SourceOptions { Kind = Bff.Stitching.Bindings.SourceKind.Grpc };
        source.Streams.Resubscribe.MaxAttempts = -1;
        source.Streams.Resubscribe.BaseDelay = TimeSpan.FromSeconds(10);
        source.Streams.Resubscribe.MaxDelay = TimeSpan.FromSeconds(1);
        sources["proposals"] = source;

        var errors = ResilienceOptionsValidator.Validate(sources, TimeSpan.FromSeconds(15), "appsettings.json");

        Assert.Contains("appsettings.json: Bff:Sources:proposals:Streams:Resubscribe:MaxAttempts: must be between 0 (off) and 100 (is -1).", errors);
        Assert.Contains("appsettings.json: Bff:Sources:proposals:Streams:Resubscribe:MaxDelay: must be at least Resubscribe:BaseDelay and at most 1 day (is 00:00:01).", errors);
    }

    private static string At(int line, string field) => $@"schemas/mapping-[0-9a-f]+\.graphql:{line}: {Regex.Escape(field)}: ";
}
