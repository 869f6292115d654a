using System.Text.Json.Nodes;
using Bff.Stitching.Execution;
using GraphQL.Types;

namespace Bff.Tests.Stitching.Execution;

/// <summary>A downstream enum name becomes the GraphQL value of the same name, never one it merely ends with.</summary>
public sealed class EnumMatcherTests
{
    [Theory]
    [InlineData("NOT_SERVING", "NOT_SERVING")]
    [InlineData("SERVING", "SERVING")]
    [InlineData("not-serving", "NOT_SERVING")]
    [InlineData("INACTIVE", "INACTIVE")]
    public void Exact_name_wins_whatever_the_order_of_the_graphql_values(string downstream, string expected)
    {
        var enumeration = Enum("SERVING", "ACTIVE", "NOT_SERVING", "INACTIVE");

        Assert.Equal(expected, EnumMatcher.Match(downstream, enumeration));
    }

    [Theory]
    [InlineData("NOT_SERVING")]
    [InlineData("STATUS_SERVING")]
    [InlineData("UNSPECIFIED")]
    public void A_name_that_only_ends_with_a_graphql_value_matches_nothing(string downstream) =>
        Assert.Null(EnumMatcher.Match(downstream, Enum("SERVING", "SPECIFIED")));

    [Fact]
    public void A_value_the_graphql_enum_lacks_is_a_downstream_error_not_another_value()
    {
        var error = Assert.Throws<BffError>(() => OutputConverter.Convert(JsonValue.Create("NOT_SERVING"), Enum("SERVING", "UNKNOWN")));

        Assert.Equal(ErrorCodes.DownstreamError, error.Code);
        Assert.Contains("enum Status", error.Message);
    }

    private static EnumerationGraphType Enum(params string[] values)
    {
        var enumeration = new EnumerationGraphType { Name = "Status" };
        foreach (var value in values)
        {
            enumeration.Add(value, value);
        }

        return enumeration;
    }
}
