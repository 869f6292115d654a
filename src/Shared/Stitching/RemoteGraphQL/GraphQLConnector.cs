using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Sends <c>@graphql</c> calls of one source: one POST of <c>application/json</c> (GraphQL over HTTP) to its endpoint
/// with the delegated operation and its variables. An answer with data keeps its data and its errors (reported under the
/// field, see <see cref="ErrorsIn"/>); an answer with errors and no data fails the field.
/// </summary>
internal sealed class GraphQLConnector(string source, SourceOptions options, RemoteSchema schema, IHttpClientFactory clients, TimeProvider time, SourceCredentials credentials)
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
            using var message = new HttpRequestMessage(HttpMethod.Post, GraphQLProtocol.Endpoint(options))
            {
                Content = JsonContent.Create(new JsonObject { ["query"] = query.Text, ["variables"] = query.Variables }),
            };
            message.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
            foreach (var (name, value) in OutgoingHeaders.For(options, credentials, binding, call.Request))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await clients.CreateClient(DownstreamHttpClients.Name(source))
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = (int)response.StatusCode >= 500 ? null
                : await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), cancellationToken: timeout.Token).ConfigureAwait(false);
            if (body?["data"] is not JsonObject)
            {
                // No data at all: the operation failed as a whole (refused, invalid, or the service failed).
                throw RemoteErrors.Failure(source, status, binding, body, options.ExposeErrorMessages);
            }

            return new DownstreamResponse(body, binding.Operation, status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DownstreamErrors.Timeout(source, budget);
        }
        catch (HttpRequestException ex)
        {
            throw DownstreamErrors.Unavailable(source, ex.HttpRequestError.ToString(),
                ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError));
        }
        catch (System.Text.Json.JsonException)
        {
            throw DownstreamErrors.Error(source, "invalid_json", $"{source} answered with a body that is not JSON.");
        }
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
