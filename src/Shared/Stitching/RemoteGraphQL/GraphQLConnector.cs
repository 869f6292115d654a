using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using Bff.Stitching.Instances;
using Microsoft.Extensions.ServiceDiscovery;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Sends <c>@graphql</c> calls of one source: one POST of <c>application/json</c> (GraphQL over HTTP) to its endpoint
/// with the delegated operation and its variables; with <c>Addresses</c>, to its instances in turn
/// (<see cref="InstanceFailover"/>). An answer with data keeps its data and its errors (reported under the field, see
/// <see cref="ErrorsIn"/>); an answer with errors and no data fails the field.
/// </summary>
internal sealed class GraphQLConnector(string source, SourceOptions options, RemoteSchema schema, IHttpClientFactory clients, TimeProvider time,
    SourceCredentials credentials, SourceInstances? instances = null, ServiceEndpointResolver? resolver = null)
    : IDownstreamConnector, IMergingConnector
{
    /// <inheritdoc />
    public string Kind => "graphql";

    /// <inheritdoc />
    public async Task<DownstreamResponse> SendAsync(DownstreamCall call, CancellationToken cancellationToken)
    {
        var binding = call.Binding;
        var query = binding is MergedGraphQLBinding merged ? DelegatedQuery.Build(merged, schema) : DelegatedQuery.Build((GraphQLBinding)binding, schema, call.Scope);
        var budget = call.TimeLeft(time) ?? options.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            return instances is null
                ? await SendToAsync(GraphQLProtocol.Endpoint(options), call, query, timeout.Token).ConfigureAwait(false)
                : await InstanceFailover.SendAsync(source, instances, resolver, endpoint => SendToAsync(endpoint, call, query, timeout.Token), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DownstreamErrors.Timeout(source, budget);
        }
        catch (HttpRequestException ex)
        {
            throw DownstreamErrors.Unavailable(source, ex.HttpRequestError.ToString(), !InstanceFailover.NotSent(ex));
        }
        catch (System.Text.Json.JsonException)
        {
            throw DownstreamErrors.Error(source, "invalid_json", $"{source} answered with a body that is not JSON.");
        }
    }

    private async Task<DownstreamResponse> SendToAsync(Uri endpoint, DownstreamCall call, DelegatedQuery query, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query.Text, ["variables"] = query.Variables.DeepClone() }),
        };
        message.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
        foreach (var (name, value) in OutgoingHeaders.For(options, credentials, call.Binding, call.Request))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await clients.CreateClient(DownstreamHttpClients.Name(source))
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = (int)response.StatusCode >= 500 ? null
            : await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (body?["data"] is not JsonObject)
        {
            // No data at all: the operation failed as a whole (refused, invalid, or the service failed).
            throw RemoteErrors.Failure(source, status, call.Binding, body, options.ExposeErrorMessages);
        }

        return new DownstreamResponse(body, call.Binding.Operation, status);
    }

    /// <inheritdoc />
    public IReadOnlyList<DownstreamFieldError> ErrorsIn(JsonNode? body) => RemoteErrors.Read(source, body, options.ExposeErrorMessages);

    /// <inheritdoc />
    /// <remarks>
    /// Queries that are not cached merge (a cached call keeps its own key); mutations never do. Calls carrying different
    /// credentials (restricted to operations) go apart, so no call carries another's credential; the key holds
    /// a hash of them, never their values.
    /// </remarks>
    public string? MergeKey(FieldBinding binding) => binding is GraphQLBinding { RemoteOperation: RemoteOperation.Query, Cache: null }
        ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', credentials.For(binding).Select(c => c.Key + ": " + c.Value)))))
        : null;

    /// <inheritdoc />
    public MergedCall Merge(IReadOnlyList<(FieldBinding Binding, BindingScope Scope)> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var merged = new MergedGraphQLBinding([.. calls.Select(c => ((GraphQLBinding)c.Binding, c.Scope))]);
        return new MergedCall(merged, calls[0].Scope with { Selection = null, Keys = null },
            [.. merged.Parts.Select((p, i) => (IReadOnlyList<string>)[MergedGraphQLBinding.Alias(i), .. p.Binding.Below])]);
    }
}
