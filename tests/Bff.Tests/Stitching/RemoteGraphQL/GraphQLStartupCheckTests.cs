namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>@graphql bindings are checked against the remote schema at start-up; each problem names file, line and field.</summary>
public sealed class GraphQLStartupCheckTests
{
    private readonly string _file = $"schemas/remote-{Guid.NewGuid():N}.graphql";

    [Fact]
    public void Valid_bindings_build()
    {
        var schema = RemoteSchemaBuild.Build("""
            type Query {
              rating(id: ID!): Score @graphql(source: "reviews", field: "rating", arguments: "profileId: {args.id}")
              list(id: ID!, n: Int): [Review!]! @graphql(source: "reviews", field: "reviews", arguments: "profileId: {args.id}, first: {args.n}")
            }
            type Score { average: Float! count: Int! latest(first: Int @range(min: 0, max: 10)): [Review!]! @from(path: "reviews") }
            type Review { stars: Int! text: String }
            """);

        Assert.Equal(2, schema.Bindings.Count);
    }

    [Fact]
    public void Unbounded_page_size_sent_below_a_bound_field_is_refused()
    {
        var error = RemoteSchemaBuild.Fail("""
            type Query {
              rating(id: ID!): Score @graphql(source: "reviews", field: "rating", arguments: "profileId: {args.id}")
            }
            type Score { latest(first: Int): [Review!]! @from(path: "reviews") }
            type Review { stars: Int! by: Author! @from(path: "reviewer") }
            union Author = Company | Person
            type Company { name: String! reviews(first: Int = 3): [Review!]! }
            type Person { name: String! }
            """, _file);

        Assert.Contains($"{_file}:2: Query.rating: Score.latest: argument 'first' sizes a list the remote service returns and has no upper bound; add @range(min: 0, max: …) to it.", error);
        // Below a union too: each member is checked against the remote type of its name.
        Assert.Contains("Company.reviews: argument 'first' sizes a list the remote service returns and has no upper bound", error);
    }

    [Fact]
    public void Unknown_remote_field_is_named_with_file_and_line()
    {
        var error = RemoteSchemaBuild.Fail("""
            type Query {
              id: ID
              score(id: ID!): Float @graphql(source: "reviews", field: "score", arguments: "profileId: {args.id}")
            }
            """, _file);

        Assert.Contains($"{_file}:3: Query.score: @graphql field 'score' is not a field of Query in {RemoteSchemaBuild.Contract} (fields: rating, ratings, reviews).", error);
    }

    [Fact]
    public void Unknown_and_missing_arguments_are_reported()
    {
        var error = RemoteSchemaBuild.Fail("""
            type Query {
              rating(id: ID!): R @graphql(source: "reviews", field: "rating", arguments: "id: {args.id}")
              list(id: ID!): [Rv!] @graphql(source: "reviews", field: "reviews", arguments: "profileId: {args.id}, first: ten")
            }
            type R { count: Int! }
            type Rv { stars: Int! }
            """, _file);

        Assert.Contains($"{_file}:2: Query.rating: @graphql arguments of Query.rating: 'id' is not a field of Query.rating (fields: profileId).", error);
        Assert.Contains($"{_file}:2: Query.rating: @graphql: Query.rating requires argument 'profileId: ID!'; add it to arguments.", error);
        Assert.Contains($"{_file}:3: Query.list: @graphql arguments of Query.reviews: 'first: ten' is not a Int.", error);
    }

    [Fact]
    public void Scalar_list_and_nullability_mismatches_are_reported()
    {
        var error = RemoteSchemaBuild.Fail("""
            type Query {
              rating(id: ID!): R! @graphql(source: "reviews", field: "rating", arguments: "profileId: {args.id}")
              one(id: ID!): Rv @graphql(source: "reviews", field: "reviews", arguments: "profileId: {args.id}")
            }
            type R { count: Boolean! average: Int! }
            type Rv { stars: Int! }
            """, _file);

        Assert.Contains($"{_file}:2: Query.rating: type mismatch: the field is non-null but Query.rating (Rating) may be null; make the field nullable.", error);
        Assert.Contains($"{_file}:5: R.count: type mismatch: the field is Boolean but reviews query rating gives Int (int32).", error);
        Assert.Contains($"{_file}:5: R.average: type mismatch: the field is Int but reviews query rating gives Float (double).", error);
        Assert.Contains($"{_file}:3: Query.one: type mismatch: the field is Rv but reviews query reviews gives [Review].", error);
    }

    [Fact]
    public void Remote_field_unknown_below_the_bound_field_and_its_arguments_are_reported()
    {
        var error = RemoteSchemaBuild.Fail("""
            type Query {
              rating(id: ID!): R @graphql(source: "reviews", field: "rating", arguments: "profileId: {args.id}")
            }
            type R { count: Int! median: Float reviews(last: Int, first: String): [Rv!]! }
            type Rv { stars: Int! }
            """, _file);

        Assert.Contains("R.median: 'median' is not a property of Rating", error);
        Assert.Contains($"{_file}:2: Query.rating: R.reviews: argument 'last' is not an argument of Rating.reviews", error);
        Assert.Contains("R.reviews: type mismatch: argument 'first' is String but Rating.reviews takes Int.", error);
    }

    [Fact]
    public void Batched_binding_sends_keys_to_a_list_argument_and_matches_on_a_remote_field()
    {
        var error = RemoteSchemaBuild.Fail("""
            type Query { p: P }
            type P {
              id: ID!
              good: R @graphql(source: "reviews", field: "ratings", arguments: "profileIds: {keys}", batchKey: "{parent.id}", matchOn: "profileId")
              bad: R @graphql(source: "reviews", field: "rating", arguments: "profileId: {keys}", batchKey: "{parent.id}", matchOn: "nope")
            }
            type R { count: Int! }
            """, _file);

        Assert.DoesNotContain("P.good", error);
        Assert.Contains($"{_file}:5: P.bad: @graphql arguments of Query.rating: 'profileId' receives {{keys}}, a list, but is a single ID.", error);
        Assert.Contains("P.bad: is batched, so the response of reviews query rating (selected) must be a list", error);
    }
}
