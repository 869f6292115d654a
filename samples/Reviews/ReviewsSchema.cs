using GraphQL;
using GraphQL.Types;

namespace Bff.Samples.Reviews;

/// <summary>The reviews service's schema (its SDL is kept in <c>schemas/downstream/reviews.graphql</c>).</summary>
public sealed class ReviewsSchema : Schema
{
    /// <summary>Creates the schema.</summary>
    public ReviewsSchema()
    {
        Query = new ReviewsQuery();
        Mutation = new ReviewsMutation();
    }
}

/// <summary>The reviews service's queries.</summary>
public sealed class ReviewsQuery : ObjectGraphType
{
    /// <summary>Declares the fields.</summary>
    public ReviewsQuery()
    {
        Name = "Query";
        Field<RatingType>("rating").Description("A freelancer's rating; null for an unknown profile.")
            .Argument<NonNullGraphType<IdGraphType>>("profileId")
            .Resolve(c => ReviewsService.Store(c).RatingOf(c.GetArgument<string>("profileId")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RatingType>>>>("ratings")
            .Description("The ratings of several freelancers at once (unknown ids are left out).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("profileIds")
            .Resolve(c => c.GetArgument<List<string>>("profileIds").Select(ReviewsService.Store(c).RatingOf).OfType<Rating>().ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews")
            .Description("A freelancer's reviews, newest first.")
            .Argument<NonNullGraphType<IdGraphType>>("profileId")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Resolve(c => ReviewsService.Store(c).For(c.GetArgument<string>("profileId")).Take(Math.Max(0, c.GetArgument("first", 10))));
    }
}

/// <summary>The reviews service's mutations.</summary>
public sealed class ReviewsMutation : ObjectGraphType
{
    /// <summary>Declares the fields.</summary>
    public ReviewsMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<ReviewType>>("addReview").Description("Reviews a freelancer.")
            .Argument<NonNullGraphType<IdGraphType>>("profileId")
            .Argument<NonNullGraphType<IntGraphType>>("stars")
            .Argument<StringGraphType>("text")
            .Resolve(c =>
            {
                var (profileId, stars) = (c.GetArgument<string>("profileId"), c.GetArgument<int>("stars"));
                if (!ReviewStore.Known(profileId) || stars is < 1 or > 5)
                {
                    throw new ExecutionError($"Cannot review '{profileId}' with {stars} stars: the profile must exist and stars be 1 to 5.") { Code = "INVALID_REVIEW" };
                }

                return ReviewsService.Store(c).Add(profileId, "Demo client", stars, c.GetArgument<string?>("text"), TimeProvider.System.GetUtcNow());
            });
    }
}
