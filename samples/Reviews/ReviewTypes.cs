using GraphQL;
using GraphQL.Types;

namespace Bff.Samples.Reviews;

/// <summary>The GraphQL type of a <see cref="Review"/>.</summary>
public sealed class ReviewType : ObjectGraphType<Review>
{
    /// <summary>Declares the fields; <c>text</c> fails when <see cref="FieldFaults"/> says so, for partial-data tests.</summary>
    public ReviewType()
    {
        Name = "Review";
        Description = "A client's review of a freelancer.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("profileId").Description("The reviewed freelancer's profile id.").Resolve(c => c.Source.ProfileId);
        Field<NonNullGraphType<StringGraphType>>("author").Resolve(c => c.Source.Author);
        Field<NonNullGraphType<ReviewerType>>("reviewer").Description("Who wrote it: a company or a person.").Resolve(c => Reviewer.Of(c.Source.Author));
        Field<NonNullGraphType<IntGraphType>>("stars").Description("1 to 5.").Resolve(c => c.Source.Stars);
        Field<StringGraphType>("text").Description("What the reviewer wrote; null for a rating without text.").Resolve(c =>
            ReviewsService.FaultsOf(c).Fails("Review.text") ? throw new ExecutionError("Review texts are temporarily unavailable.") { Code = "TEXT_UNAVAILABLE" } : c.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Description("RFC 3339 timestamp.").Resolve(c => c.Source.CreatedAt);
    }
}

/// <summary>The GraphQL type of a <see cref="Rating"/>.</summary>
public sealed class RatingType : ObjectGraphType<Rating>
{
    /// <summary>Declares the fields.</summary>
    public RatingType()
    {
        Name = "Rating";
        Description = "A freelancer's rating: the average of their reviews.";
        Field<NonNullGraphType<IdGraphType>>("profileId").Resolve(c => c.Source.ProfileId);
        Field<NonNullGraphType<FloatGraphType>>("average").Description("Average stars, 0 without reviews.").Resolve(c => c.Source.Average);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews")
            .Description("The latest reviews, newest first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 3)
            .Resolve(c => ReviewsService.Store(c).For(c.Source.ProfileId).Take(Math.Max(0, c.GetArgument("first", 3))));
    }
}
