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
public sealed class GrpcConnector : IDownstreamConnector, IDisposable
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
    public async Task<DownstreamResponse> SendAsync(DownstreamCall call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
            }
            catch (DownstreamFailure failure) when (attempt < _tries && failure is { Code: ErrorCodes.DownstreamUnavailable, RequestSent: false })
            {
                // The instance refused the connection, so nothing was sent: the balancer has dropped it, the next pick is another.
            }
        }
    }

    private async Task<DownstreamResponse> SendOnceAsync(DownstreamCall call, CancellationToken cancellationToken)
    {
        var grpc = (GrpcBinding)call.Binding;
        var method = (ProtoMethod)_methods[grpc.Method].Descriptor;
        var message = TemplateEvaluator.Evaluate(grpc.Request, call.Scope) as JsonObject ?? [];

        // The server sees the deadline (grpc-timeout) and can stop working on a call nobody waits for any more.
        var budget = call.TimeLeft(_time) ?? _options.Timeout;
        var deadline = (_time.GetUtcNow() + budget).UtcDateTime;
        Metadata? headers = null;
        foreach (var (name, value) in OutgoingHeaders.For(_options, _credentials, grpc, call.Request))
        {
            (headers ??= []).Add(name.ToLowerInvariant(), value);
        }

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
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            throw DownstreamErrors.Timeout(_source, budget);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
        {
            // Grpc.Net.Client reports a refused connection as UNAVAILABLE carrying the HttpRequestException.
            var transport = ex.Status.DebugException as HttpRequestException;
            var sent = transport?.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);
            throw DownstreamErrors.Unavailable(_source, transport?.HttpRequestError.ToString() ?? ex.StatusCode.ToString(), sent);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // Cancelled by the caller (an attempt timeout, the client gone): cancellation, as for REST calls.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            throw DownstreamErrors.Unavailable(_source, ex.StatusCode.ToString());
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw DownstreamErrors.Error(_source, ex.StatusCode.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"{_source} answered {ex.StatusCode} to {grpc.Method}."));
        }
        catch (ProtoEncodeException ex)
        {
            throw new BffError(ErrorCodes.BadUserInput, ex.Message);
        }
        catch (ProtoDecodeException)
        {
            // The answer does not fit the contract (a different .proto deployed downstream): the source's fault, not ours.
            throw DownstreamErrors.Error(_source, "invalid_message",
                $"{_source} answered {grpc.Method} with a message that does not match its contract.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _channel.Dispose();
        _balancing?.Dispose();
    }
}
