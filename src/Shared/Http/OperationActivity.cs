using Bff.Operations;
using System.Diagnostics;
using Bff.PersistedQueries;
using GraphQLParser.AST;
using Bff.Observability;

namespace Bff.Http;

/// <summary>
/// The activity of one GraphQL operation, named and tagged by the OpenTelemetry GraphQL semantic conventions
/// (<c>graphql.operation.type</c>, <c>graphql.operation.name</c>). The document and the variables are never recorded:
/// they can carry personal data. <c>bff.document.hash</c> (the SHA-256 of the query text, as persisted queries hash
/// it) identifies the document instead.
/// </summary>
internal static class OperationActivity
{
    /// <summary>The span name the conventions give an operation whose type is not known (yet, or ever).</summary>
    public const string UnknownName = "GraphQL Operation";

    /// <summary>Starts the activity of an operation; its name becomes the operation's type and name once it is parsed.</summary>
    public static Activity? Start() => BffTelemetry.ActivitySource.StartActivity(UnknownName, ActivityKind.Internal);

    /// <summary>Names and tags <paramref name="activity"/> after the operation <paramref name="document"/> selects.</summary>
    public static void Describe(Activity? activity, GraphQLDocument document, string? operationName, string query)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag("bff.document.hash", Sha256Hex.Of(query));
        if (OperationSelection.Select(document, operationName) is not { } operation)
        {
            return;
        }

        var type = operation.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        };
        var name = operation.Name?.StringValue;
        activity.DisplayName = name is null ? type : type + " " + name;
        activity.SetTag("graphql.operation.type", type);
        activity.SetTag("graphql.operation.name", name);
    }
}
