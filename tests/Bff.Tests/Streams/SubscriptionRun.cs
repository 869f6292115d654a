using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Bff.Stitching.Composition;
using Bff.Stitching.Execution;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Streams;

/// <summary>
/// A subscription executed through GraphQL.NET against a host's built schema, as a transport runs it: the caller is
/// authenticated by the host's own JWT handler, the operation executed by the host's <see cref="IDocumentExecuter"/>,
/// and the field's response stream observed. Dispose it to leave (the subscription is disposed).
/// </summary>
public sealed class SubscriptionRun : IObserver<ExecutionResult>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly Channel<(JsonObject? Next, Exception? Error)> _events = Channel.CreateUnbounded<(JsonObject?, Exception?)>();
    private readonly IGraphQLTextSerializer _serializer;
    private IDisposable? _subscription;

    private SubscriptionRun(IGraphQLTextSerializer serializer, ExecutionResult result, BffRequestContext request)
    {
        _serializer = serializer;
        Result = result;
        Request = request;
    }

    /// <summary>Gets the result of executing the subscription: <see cref="ExecutionResult.Streams"/>, or the errors that refused it.</summary>
    public ExecutionResult Result { get; }

    /// <summary>Gets the result as the client would see it when the subscription is refused.</summary>
    public JsonObject Refusal => JsonNode.Parse(_serializer.Serialize(Result))!.AsObject();

    /// <summary>Gets the operation's request context (its deadline, its call record).</summary>
    public BffRequestContext Request { get; }

    /// <summary>Executes <paramref name="query"/> as <paramref name="token"/>'s caller and subscribes to its stream when it has one.</summary>
    /// <param name="deadline">The request deadline a transport would set at subscribe time (it must bound the opening only).</param>
    public static async Task<SubscriptionRun> StartAsync(IServiceProvider services, string query, object? variables = null, string? token = null, TimeSpan? deadline = null)
    {
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var user = await AuthenticateAsync(services, token);
        var request = new BffRequestContext(user, new Dictionary<string, string>())
        {
            BearerToken = token,
            Deadline = deadline is { } after ? DateTimeOffset.UtcNow + after : null,
        };
        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<BffSchema>().Schema,
            Query = query,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(System.Text.Json.JsonSerializer.Serialize(variables)),
            UserContext = request,
            User = user,
            RequestServices = services,
        });
        var run = new SubscriptionRun(serializer, result, request);
        if (result.Streams is { Count: 1 } streams)
        {
            run._subscription = streams.Single().Value.Subscribe(run);
        }

        return run;
    }

    /// <summary>Waits for the next event: its JSON (<c>data</c>, <c>errors</c>), or the stream's error, or (null, null) at its end.</summary>
    public async Task<(JsonObject? Next, Exception? Error)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await _events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Gets whether an event, an error or the end is waiting to be read.</summary>
    public bool HasMore => _events.Reader.TryPeek(out _);

    /// <summary>Serializes <paramref name="error"/> as a client would receive it (message and extensions).</summary>
    public JsonObject Describe(Exception error) =>
        JsonNode.Parse(_serializer.Serialize(new ExecutionResult { Errors = [(ExecutionError)error] }))!["errors"]![0]!.AsObject();

    public void OnNext(ExecutionResult value) => _events.Writer.TryWrite((JsonNode.Parse(_serializer.Serialize(value))!.AsObject(), null));

    public void OnError(Exception error) => _events.Writer.TryWrite((null, error));

    public void OnCompleted() => _events.Writer.TryWrite((null, null));

    public void Dispose() => _subscription?.Dispose();

    private static async Task<ClaimsPrincipal> AuthenticateAsync(IServiceProvider services, string? token)
    {
        if (token is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Headers.Authorization = "Bearer " + token;
        var result = await services.GetRequiredService<IAuthenticationService>().AuthenticateAsync(http, scheme: null);
        return result.Principal ?? throw new InvalidOperationException("The host refused the token: " + result.Failure?.Message);
    }
}
