using System.Text;
using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Remote GraphQL services (GraphQL over HTTP): <c>@graphql</c> bindings checked against the service's schema, from an
/// SDL file or read by introspection at start-up; the client's sub-selection is delegated with variables.
/// </summary>
public sealed class GraphQLProtocol : IDownstreamProtocol, IFetchedContractProtocol
{
    /// <inheritdoc />
    public SourceKind Kind => SourceKind.GraphQL;

    /// <inheritdoc />
    public string Directive => "graphql";

    /// <inheritdoc />
    public string ContractDescription => "GraphQL schema (SDL file, or introspection)";

    /// <inheritdoc />
    public string FetchedContract => "introspection";

    /// <inheritdoc />
    public string DirectiveSdl => """
        "Binds a field to a root field of a remote GraphQL service; what the client selects below the field is sent on. Templates take {args.x}, {parent.x}, {claims.x} and, when batched, {keys}."
        directive @graphql(
          source: String!
          "The remote root field: a Query field for fields on Query and below, a Mutation field for fields on Mutation."
          field: String!
          "Arguments of the remote field, 'name: template, other: template'; sent as variables typed from the remote schema."
          arguments: String
          "Dotted path below the remote field whose value becomes the field's value."
          select: String
          "Batches the field across parents: the key of each parent, e.g. {parent.id}; the call carries {keys}."
          batchKey: String
          "Dotted path of the field of each remote item matched against the batch key."
          matchOn: String = "id"
          "Dotted path of the value taken from each matched item (default: the whole item)."
          pick: String
        ) on FIELD_DEFINITION
        """;

    /// <inheritdoc />
    public FieldBinding Read(BindingHeader common, AppliedDirective directive, List<string> errors) => GraphQLBindingReader.Read(common, directive, errors);

    /// <inheritdoc />
    public ISourceContract? LoadContract(ContractFile file, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        return RemoteSdlReader.Read(file.DisplayPath, File.ReadAllText(file.FullPath), errors) is { } schema ? new GraphQLContract(file.DisplayPath, schema) : null;
    }

    /// <inheritdoc />
    public ISourceContract? FetchContract(string source, SourceOptions options, string where, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = Endpoint(options);
        // The source's credentials are read again here (their problems are reported once, with the others, later).
        var headers = SourceCredentials.Read(new Dictionary<string, SourceOptions> { [source] = options }, []).Unrestricted(source).ToList();
        return IntrospectionClient.Fetch(endpoint, headers, options.ContractWait, TimeProvider.System, where, errors) is { } schema
            ? new GraphQLContract($"introspection of {endpoint}", schema)
            : null;
    }

    /// <summary>Gets the GraphQL endpoint of a source with one address: its <c>BaseAddress</c>, else its first address.</summary>
    internal static Uri Endpoint(SourceOptions options) =>
        Instances.SourceAddresses.First(options) ?? new Uri("http://invalid.invalid/");

    /// <inheritdoc />
    public void Check(FieldBinding binding, FieldType field, ISourceContract contract, List<string> errors) =>
        GraphQLContractChecker.Check((GraphQLBinding)binding, field, (GraphQLContract)contract, errors);

    /// <inheritdoc />
    public ContractShape? ResponseOf(FieldBinding binding, ISourceContract contract)
    {
        var (graphql, remote) = ((GraphQLBinding)binding, (GraphQLContract)contract);
        if (remote.Schema.Root(graphql.RemoteOperation)?.Fields.GetValueOrDefault(graphql.RemoteField) is not { } field)
        {
            return null;
        }

        var data = new ContractShape(ShapeKind.Object, "data") { Properties = { [field.Name] = remote.Shapes.Of(field.Type) } };
        return new ContractShape(ShapeKind.Object, $"{graphql.Source} response") { Properties = { ["data"] = data } };
    }

    /// <inheritdoc />
    public bool IsIdempotent(FieldBinding binding, ISourceContract? contract) => ((GraphQLBinding)binding).RemoteOperation == RemoteOperation.Query;

    /// <inheritdoc />
    public void ConfigureHttpClient(IHttpClientBuilder client)
    {
    }

    /// <inheritdoc />
    public IDownstreamConnector CreateConnector(DownstreamConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        var schema = (context.Contract as GraphQLContract)?.Schema ?? new RemoteSchema();
        return new GraphQLConnector(context.Source, context.Options, schema, services.GetRequiredService<IHttpClientFactory>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<SourceCredentials>(),
            services.GetRequiredService<Instances.SourceInstanceSet>().For(context.Source), services.GetService<Microsoft.Extensions.ServiceDiscovery.ServiceEndpointResolver>());
    }

    /// <inheritdoc />
    public void WriteCacheKey(FieldBinding binding, BindingScope scope, StringBuilder key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scope);
        key.Append(binding.Operation).Append('\n').Append(scope.Selection?.Describe()).Append('\n')
            .Append(TemplateEvaluator.Evaluate(((GraphQLBinding)binding).Arguments, scope)?.ToJsonString()).Append('\n');
    }
}
