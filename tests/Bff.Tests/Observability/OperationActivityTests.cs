using System.Diagnostics;
using Bff.Observability;
using Bff.PersistedQueries;
using GraphQLParser;
using Bff.Http;

namespace Bff.Tests.Observability;

public sealed class OperationActivityTests
{
    [Theory]
    [InlineData("query Feed { jobs { nodes { id } } }", null, "query Feed", "query", "Feed")]
    [InlineData("{ jobs { nodes { id } } }", null, "query", "query", null)]
    [InlineData("mutation Post { postJob { id } } query Other { me { id } }", "Post", "mutation Post", "mutation", "Post")]
    [InlineData("subscription Bids { bids { id } }", null, "subscription Bids", "subscription", "Bids")]
    [InlineData("query A { a } query B { b }", null, OperationActivity.UnknownName, null, null)]
    public void Names_the_span_by_operation_type_and_name_and_never_records_the_document(
        string query, string? operationName, string expectedName, string? expectedType, string? expectedOperation)
    {
        using var listener = Listen();
        using var activity = OperationActivity.Start();
        Assert.NotNull(activity);
        Assert.Equal(OperationActivity.UnknownName, activity.DisplayName);

        OperationActivity.Describe(activity, Parser.Parse(query), operationName, query);

        Assert.Equal(expectedName, activity.DisplayName);
        Assert.Equal(expectedType, activity.GetTagItem("graphql.operation.type"));
        Assert.Equal(expectedOperation, activity.GetTagItem("graphql.operation.name"));
        Assert.Equal(Sha256Hex.Of(query), activity.GetTagItem("bff.document.hash"));
        Assert.DoesNotContain(activity.TagObjects, t => t.Value is string value && value.Contains('{', StringComparison.Ordinal));
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BffTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
