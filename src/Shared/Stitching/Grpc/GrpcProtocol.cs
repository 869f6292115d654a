using System.Text;
using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Stitching.Instances;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Stitching.Grpc;

/// <summary>
/// gRPC unary and server-streaming calls over HTTP/2: <c>@grpc</c> bindings checked against a <c>.proto</c> file, no
/// generated code. A server-streaming method backs a <c>Subscription</c> field (each message one event) or a list field
/// with <c>take</c> (the first messages, then the stream is cancelled).
/// </summary>
public sealed class GrpcProtocol : IDownstreamProtocol, IFetchedContractProtocol
{
    /// <inheritdoc />
    public SourceKind Kind => SourceKind.Grpc;

    /// <inheritdoc />
    public string Directive => "grpc";

    /// <inheritdoc />
    public string ContractDescription => ".proto file";

    /// <inheritdoc />
    public string DirectiveSdl => """
        "Binds a field to a gRPC call on a configured source: a unary method, or a server-streaming one on a Subscription field (or a list field with take)."
        directive @grpc(
          source: String!
          "package.Service/Method"
          method: String!
          "Request message: 'field: template, nested.field: template'."
          request: String
          select: String
          batchKey: String
          matchOn: String = "id"
          pick: String
          "A list field bound to a server-streaming method: the most messages collected before the stream is cancelled."
          take: Int
        ) on FIELD_DEFINITION
        """;

    /// <inheritdoc />
    public FieldBinding Read(BindingHeader common, AppliedDirective directive, List<string> errors) => new GrpcBinding(common, BindingArguments.Text(directive, "method") ?? "")
    {
        Request = ObjectMapping.Parse(BindingArguments.Text(directive, "request"), errors),
        Take = directive.FindArgument("take")?.Value is { } take ? Convert.ToInt32(take, System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    /// <inheritdoc />
    public ISourceContract? LoadContract(ContractFile file, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        var streaming = new Dictionary<string, string>(StringComparer.Ordinal);
        return ProtoContractLoader.Load(file.DisplayPath, file.BaseDirectory, file.Source.ImportPaths, errors, streaming) is { } methods
            ? new GrpcContract(file.DisplayPath, methods, streaming)
            : null;
    }

    /// <inheritdoc />
    public string FetchedContract => GrpcReflectionContract.Keyword;

    /// <inheritdoc />
    public ISourceContract? FetchContract(string source, SourceOptions options, string where, List<string> errors)
    {
        var streaming = new Dictionary<string, string>(StringComparer.Ordinal);
        return GrpcReflectionContract.Load(source, options, where, errors, streaming) is { } methods
            ? new GrpcContract($"server reflection of source '{source}'", methods, streaming)
            : null;
    }

    /// <inheritdoc />
    public void Check(FieldBinding binding, FieldType field, ISourceContract contract, List<string> errors)
    {
        var (grpc, methods) = ((GrpcBinding)binding, (GrpcContract)contract);
        if (methods.Streaming.GetValueOrDefault(grpc.Method) is { } streaming)
        {
            errors.Add($"@grpc method '{grpc.Method}' is {streaming}; the gateway calls unary and server-streaming methods only: "
                + "bind a unary method (one request, one response), or a server-streaming one on a Subscription field.");
        }
        else if (!methods.Methods.TryGetValue(grpc.Method, out var method))
        {
            errors.Add($"@grpc method '{grpc.Method}' is not in {contract.File} (methods: {string.Join(", ", methods.Methods.Keys.Order())}).");
        }
        else
        {
            grpc.ContractOperation = grpc.Method;
            ShapeChecker.CheckMapping(grpc.Request, method.Input, field, $"@grpc request of {grpc.Method}", errors);
        }
    }

    /// <inheritdoc />
    public ContractShape? ResponseOf(FieldBinding binding, ISourceContract contract) =>
        ((GrpcContract)contract).Methods.GetValueOrDefault(((GrpcBinding)binding).Method)?.Output;

    /// <inheritdoc />
    public bool IsStream(FieldBinding binding, ISourceContract contract) =>
        contract is GrpcContract grpc && grpc.Methods.TryGetValue(((GrpcBinding)binding).Method, out var method) && method.ServerStreaming;

    /// <inheritdoc />
    public bool IsIdempotent(FieldBinding binding, ISourceContract? contract) =>
        contract is GrpcContract grpc && grpc.Methods.TryGetValue(((GrpcBinding)binding).Method, out var method) && method.Idempotent;

    /// <inheritdoc />
    public void ConfigureHttpClient(IHttpClientBuilder client) =>
        client.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { EnableMultipleHttp2Connections = true });

    /// <inheritdoc />
    public IDownstreamConnector CreateConnector(DownstreamConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        var methods = (context.Contract as GrpcContract)?.Methods ?? new Dictionary<string, GrpcMethodContract>();
        return new GrpcConnector(context.Source, context.Options, services.GetRequiredService<IHttpClientFactory>(), methods,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<SourceCredentials>(),
            services.GetRequiredService<SourceInstanceSet>().For(context.Source));
    }

    /// <inheritdoc />
    public void WriteCacheKey(FieldBinding binding, BindingScope scope, StringBuilder key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var grpc = (GrpcBinding)binding;
        key.Append(grpc.Method).Append('\n').Append(TemplateEvaluator.Evaluate(grpc.Request, scope)?.ToJsonString()).Append('\n');
    }
}
