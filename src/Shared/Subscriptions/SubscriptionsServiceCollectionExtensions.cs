using Bff.Http;
using Bff.Subscriptions;
using Bff.Subscriptions.ServerSentEvents;
using Bff.Subscriptions.WebSockets;
using GraphQL;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the streaming transports (graphql-ws over WebSocket, GraphQL over SSE).</summary>
public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the WebSocket and SSE endpoints of the GraphQL path, which share the operation pipeline of the HTTP endpoint,
    /// with the per-caller limits of <paramref name="options"/>. Check the options with <see cref="SubscriptionOptionsValidator"/>.
    /// </summary>
    public static IServiceCollection AddBffSubscriptions(this IServiceCollection services, SubscriptionOptions options, GraphQLHttpOptions http)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => new CallerLimits(options));
        services.AddSingleton(sp => new GraphQLWebSocketEndpoint(
            sp.GetRequiredService<GraphQLOperationPipeline>(), sp.GetRequiredService<IGraphQLTextSerializer>(), options,
            sp.GetRequiredService<CallerLimits>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GraphQLWebSocketEndpoint>>()));
        services.AddSingleton(sp => new GraphQLSseEndpoint(
            sp.GetRequiredService<GraphQLOperationPipeline>(), sp.GetRequiredService<IGraphQLTextSerializer>(),
            new GraphQLRequestReader(sp.GetRequiredService<IGraphQLTextSerializer>(), http), options,
            sp.GetRequiredService<CallerLimits>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GraphQLSseEndpoint>>()));
        return services;
    }
}
