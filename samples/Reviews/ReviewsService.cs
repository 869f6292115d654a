using Bff.Samples.Common;
using GraphQL;
using GraphQL.Types;

namespace Bff.Samples.Reviews;

/// <summary>
/// The reviews demo service: a GraphQL API (GraphQL.NET, <c>POST /graphql</c>, introspection on) over seeded reviews of
/// the profiles service's freelancers (contract: <c>schemas/downstream/reviews.graphql</c>).
/// </summary>
public static class ReviewsService
{
    /// <summary>Where <c>Program</c> listens when given no argument.</summary>
    public const string DefaultUrl = "http://localhost:5305";

    /// <summary>Requests received by every instance created with <see cref="Create(string)"/>, keyed <c>"POST /graphql"</c>.</summary>
    public static RequestLog Requests { get; } = new();

    /// <summary>
    /// Creates the service with the shared <see cref="Requests"/> and no faults; introspection needs the token in
    /// <c>REVIEWS_INTROSPECTION_TOKEN</c> when that is set.
    /// </summary>
    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:0</c> for a free port.</param>
    /// <returns>The application, not started.</returns>
    public static WebApplication Create(string url) =>
        Create(url, Requests, new HttpFaults(), new FieldFaults(), new OperationLog(), Environment.GetEnvironmentVariable("REVIEWS_INTROSPECTION_TOKEN"));

    /// <summary>Creates the service with its own logs and fault hooks, for isolated tests.</summary>
    /// <param name="url">Where to listen.</param>
    /// <param name="requests">Where requests are recorded (with their <c>traceparent</c>).</param>
    /// <param name="faults">Request-level faults (delay, error status).</param>
    /// <param name="fieldFaults">Field-level faults (a field whose resolver fails).</param>
    /// <param name="operations">Where the GraphQL documents and variables received are recorded.</param>
    /// <param name="introspectionToken">
    /// When set, introspection (<c>__schema</c>) needs <c>Authorization: Bearer {token}</c>, as a service that guards its
    /// schema; other operations stay open.
    /// </param>
    /// <returns>The application, not started.</returns>
    public static WebApplication Create(string url, RequestLog requests, HttpFaults faults, FieldFaults fieldFaults, OperationLog operations, string? introspectionToken = null)
    {
        var builder = SampleHost.CreateBuilder(url, typeof(ReviewsService).Assembly.GetName().Name!);
        builder.Services.AddSingleton<ReviewStore>().AddSingleton(fieldFaults).AddSingleton(operations).AddSingleton(new IntrospectionGuard(introspectionToken));
        builder.Services.AddSingleton<ISchema, ReviewsSchema>();
        builder.Services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        builder.Services.AddSingleton<IGraphQLTextSerializer, GraphQL.SystemTextJson.GraphQLSerializer>();
        var app = builder.Build();
        app.UseRouting();
        app.UseRequestRecording(requests, faults);
        app.MapSampleHealth();
        app.MapPost("/graphql", GraphQLEndpoint.HandleAsync);
        return app;
    }

    /// <summary>Prints the service's schema as SDL (what <c>schemas/downstream/reviews.graphql</c> holds).</summary>
    public static string PrintSchema() => new ReviewsSchema().Print();

    internal static ReviewStore Store(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ReviewStore>();

    internal static FieldFaults FaultsOf(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<FieldFaults>();
}
