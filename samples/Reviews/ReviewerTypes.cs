using GraphQL;
using GraphQL.Types;

namespace Bff.Samples.Reviews;

/// <summary>The <c>Named</c> interface: anything with a display name.</summary>
public sealed class NamedType : InterfaceGraphType<Reviewer>
{
    /// <summary>Declares the field.</summary>
    public NamedType()
    {
        Name = "Named";
        Description = "Anything with a display name.";
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}

/// <summary>The <c>Reviewer</c> union: a review's author is a company or a person.</summary>
public sealed class ReviewerType : UnionGraphType
{
    /// <summary>Declares the members.</summary>
    public ReviewerType()
    {
        Name = "Reviewer";
        Description = "Whoever wrote a review: a company or a person.";
        Type<CompanyType>();
        Type<PersonType>();
    }
}

/// <summary>The GraphQL type of a <see cref="Company"/>.</summary>
public sealed class CompanyType : ObjectGraphType<Company>
{
    /// <summary>Declares the fields.</summary>
    public CompanyType()
    {
        Name = "Company";
        Description = "A company that hires freelancers.";
        Interface<NamedType>();
        IsTypeOf = value => value is Company;
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews")
            .Description("The reviews the company wrote, newest first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 3)
            .Resolve(c => ReviewsService.Store(c).By(c.Source.Name).Take(Math.Max(0, c.GetArgument("first", 3))));
    }
}

/// <summary>The GraphQL type of a <see cref="Person"/>.</summary>
public sealed class PersonType : ObjectGraphType<Person>
{
    /// <summary>Declares the fields.</summary>
    public PersonType()
    {
        Name = "Person";
        Description = "A person hiring on their own account.";
        Interface<NamedType>();
        IsTypeOf = value => value is Person;
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Description("Whether the marketplace verified the person's identity.")
            .Resolve(c => c.Source.Verified);
    }
}
