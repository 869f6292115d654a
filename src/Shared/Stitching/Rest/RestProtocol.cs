using System.Text;
using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Stitching.Instances;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;

namespace Bff.Stitching.Rest;

/// <summary>JSON over HTTP: <c>@rest</c> bindings checked against an OpenAPI document.</summary>
public sealed class RestProtocol : IDownstreamProtocol
{
    private static readonly HashSet<string> SafeMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "OPTIONS" };

    /// <inheritdoc />
    public SourceKind Kind => SourceKind.Rest;

    /// <inheritdoc />
    public string Directive => "rest";

    /// <inheritdoc />
    public string ContractDescription => "OpenAPI document";

    /// <inheritdoc />
    public string DirectiveSdl => """
        "Binds a field to a REST call on a configured source. Templates take {args.x}, {parent.x}, {claims.x} and, when batched, {keys}."
        directive @rest(
          source: String!
          method: String = "GET"
          "Path and query string, e.g. /jobs/{args.id} or /jobs?limit={args.first}. A query parameter whose value is null is left out."
          path: String!
          "Request headers, 'Name: template, Other: template'."
          headers: String
          "JSON body: 'name: template, nested.name: template', or one placeholder such as {args.input}."
          body: String
          "Dotted path into the response whose value becomes the field's value."
          select: String
          "Batches the field across parents: the key of each parent, e.g. {parent.clientId}; the call carries {keys}."
          batchKey: String
          "Dotted path of the property of each response item matched against the batch key."
          matchOn: String = "id"
          "Dotted path of the value taken from each matched item (default: the whole item)."
          pick: String
        ) on FIELD_DEFINITION
        """;

    /// <inheritdoc />
    public FieldBinding Read(BindingHeader common, AppliedDirective directive, List<string> errors) => RestBindingReader.Read(common, directive, errors);

    /// <inheritdoc />
    public ISourceContract? LoadContract(ContractFile file, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        return OpenApiContract.Load(file.DisplayPath, file.FullPath, errors) is { } contract ? new RestContract(contract) : null;
    }

    /// <inheritdoc />
    public void Check(FieldBinding binding, FieldType field, ISourceContract contract, List<string> errors) =>
        RestContractChecker.Check((RestBinding)binding, field, ((RestContract)contract).OpenApi, errors);

    /// <inheritdoc />
    public ContractShape? ResponseOf(FieldBinding binding, ISourceContract contract) =>
        RestContractChecker.ResponseOf((RestBinding)binding, ((RestContract)contract).OpenApi);

    /// <inheritdoc />
    public bool IsIdempotent(FieldBinding binding, ISourceContract? contract) => SafeMethods.Contains(((RestBinding)binding).Method);

    /// <inheritdoc />
    public void ConfigureHttpClient(IHttpClientBuilder client)
    {
    }

    /// <inheritdoc />
    public IDownstreamConnector CreateConnector(DownstreamConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        return new RestConnector(context.Source, context.Options, services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<SourceCredentials>(), services.GetRequiredService<SourceInstanceSet>().For(context.Source),
            services.GetRequiredService<ServiceEndpointResolver>());
    }

    /// <inheritdoc />
    public void WriteCacheKey(FieldBinding binding, BindingScope scope, StringBuilder key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var rest = (RestBinding)binding;
        key.Append(rest.Method).Append(' ').Append(RestConnector.BuildTarget(rest, scope)).Append('\n')
            .Append(TemplateEvaluator.Evaluate(rest.Headers, scope)?.ToJsonString()).Append('\n')
            .Append(rest.Body.Templates.Any() ? TemplateEvaluator.Evaluate(rest.Body, scope)?.ToJsonString() : "").Append('\n');
    }
}
