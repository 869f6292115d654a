using System.Globalization;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Protobuf;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Stitching.Instances;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Stitching.Grpc;

/// <summary>
/// Makes gRPC unary calls for <c>@grpc</c> bindings of one source over HTTP/2, encoding and decoding messages from
/// the source's <c>.proto</c> contract: no generated client code.
/// </summary>
public sealed partial class GrpcConnector : IDownstreamConnector, IStreamingConnector, IDisposable
{
    private readonly string _source;
    private readonly SourceOptions _options;
    private readonly IReadOnlyDictionary<string, GrpcMethodContract> _methods;
    private readonly GrpcChannel _channel;
    private readonly CallInvoker _invoker;
    private readonly TimeProvider _time;
    private readonly SourceCredentials _credentials;
    private readonly ServiceProvider? _balancing;
    private readonly int _tries = 1;

    /// <summary>
    /// Creates the connector of source <paramref name="source"/>, sending <paramref name="credentials"/> (none when
    /// null). With <paramref name="instances"/>, calls are balanced round-robin over them by the channel.
    /// </summary>
    public GrpcConnector(string source, SourceOptions options, IHttpClientFactory clients, IReadOnlyDictionary<string, GrpcMethodContract> methods, TimeProvider time,
        SourceCredentials? credentials = null, SourceInstances? instances = null)
    {
        _credentials = credentials ?? SourceCredentials.None;
        _time = time;
        _source = source;
        _options = options;
        _methods = methods;
        if (instances is null)
        {
            _channel = GrpcChannel.ForAddress(options.BaseAddress ?? new Uri("http://localhost"), new GrpcChannelOptions
            {
                HttpClient = clients.CreateClient(DownstreamHttpClients.Name(source)),
                DisposeHttpClient = true,
            });
        }
        else
        {
            // Client-side balancing needs the channel to own its SocketsHttpHandler, so no HttpClient from the factory here.
            var services = new ServiceCollection();
            services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => instances.Addresses.Select(a => new BalancerAddress(a.Host, a.Port))));
            services.AddSingleton<LoadBalancerFactory>(new InstanceBalancerFactory(instances));
            _balancing = services.BuildServiceProvider();
            _channel = GrpcChannel.ForAddress("static:///" + source, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
                Credentials = instances.Addresses[0].Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
                ServiceConfig = InstanceBalancerFactory.ServiceConfig(),
                ServiceProvider = _balancing,
            });
            _tries = instances.Addresses.Count;
        }

        _invoker = _channel.CreateCallInvoker();
    }

    /// <inheritdoc />
    public string Kind => "grpc";

    /// <inheritdoc />
    public Task<DownstreamResponse> SendAsync(DownstreamCall call, CancellationToken cancellationToken) =>
        OnSomeInstanceAsync(() => SendOnceAsync(call, cancellationToken));

    // With several instances, a call refused by one (nothing sent) goes to the next: the balancer has dropped the first.
    private async Task<T> OnSomeInstanceAsync<T>(Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (DownstreamFailure failure) when (tries < _tries && failure is { Code: ErrorCodes.DownstreamUnavailable, RequestSent: false })
            {
            }
        }
    }

    private async Task<DownstreamResponse> SendOnceAsync(DownstreamCall call, CancellationToken cancellationToken)
    {
        var (grpc, method, message, headers) = Prepare(call);

        // The server sees the deadline (grpc-timeout) and can stop working on a call nobody waits for any more.
        var budget = call.TimeLeft(_time) ?? _options.Timeout;
        var deadline = (_time.GetUtcNow() + budget).UtcDateTime;
        try
        {
            var response = await DynamicGrpcInvoker.InvokeAsync(_invoker, method, message, new CallOptions(headers, deadline, cancellationToken))
                .ConfigureAwait(false);
            return new DownstreamResponse(response, grpc.Method, "OK");
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return new DownstreamResponse(null, grpc.Method, nameof(StatusCode.NotFound));
        }
        catch (Exception ex) when (ex is RpcException or ProtoEncodeException or ProtoDecodeException)
        {
            throw Failure(ex, grpc.Method, budget, cancellationToken);
        }
    }

    // The request message and headers of a call, built the same way for unary calls and streams.
    private (GrpcBinding Binding, ProtoMethod Method, JsonObject Message, Metadata? Headers) Prepare(DownstreamCall call)
    {
        var grpc = (GrpcBinding)call.Binding;
        var method = (ProtoMethod)_methods[grpc.Method].Descriptor;
        var message = TemplateEvaluator.Evaluate(grpc.Request, call.Scope) as JsonObject ?? [];
        Metadata? headers = null;
        foreach (var (name, value) in OutgoingHeaders.For(_options, _credentials, grpc, call.Request))
        {
            (headers ??= []).Add(name.ToLowerInvariant(), value);
        }

        return (grpc, method, message, headers);
    }

    // Every failure of a call or a stream as the exception it leaves with: a coded field error, or cancellation.
    private Exception Failure(Exception exception, string method, TimeSpan budget, CancellationToken cancellationToken) => exception switch
    {
        RpcException { StatusCode: StatusCode.DeadlineExceeded } => DownstreamErrors.Timeout(_source, budget),

        // Grpc.Net.Client reports a refused connection as UNAVAILABLE carrying the HttpRequestException.
        RpcException { StatusCode: StatusCode.Unavailable } ex => Unavailable(ex),

        // Cancelled by the caller (an attempt timeout, the client gone): cancellation, as for REST calls.
        RpcException { StatusCode: StatusCode.Cancelled } ex when cancellationToken.IsCancellationRequested =>
            new OperationCanceledException(ex.Message, ex, cancellationToken),
        RpcException { StatusCode: StatusCode.Cancelled } ex => DownstreamErrors.Unavailable(_source, ex.StatusCode.ToString()),
        RpcException ex => DownstreamErrors.Error(_source, ex.StatusCode.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{_source} answered {ex.StatusCode} to {method}.")),
        ProtoEncodeException ex => new BffError(ErrorCodes.BadUserInput, ex.Message),

        // The answer does not fit the contract (a different .proto deployed downstream): the source's fault, not ours.
        ProtoDecodeException => DownstreamErrors.Error(_source, "invalid_message",
            $"{_source} answered {method} with a message that does not match its contract."),
        _ => exception,
    };

    private DownstreamFailure Unavailable(RpcException ex)
    {
        var transport = ex.Status.DebugException as HttpRequestException;
        var sent = transport?.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);
        return DownstreamErrors.Unavailable(_source, transport?.HttpRequestError.ToString() ?? ex.StatusCode.ToString(), sent);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _channel.Dispose();
        _balancing?.Dispose();
    }
}
