using System.Text;
using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using GraphQL.Types;

namespace Bff.Stitching;

/// <summary>
/// One downstream protocol (REST, gRPC, …): the one seam through which the gateway knows a protocol. Everything else
/// (caching, resilience, diagnostics, forwarding, the HTTP endpoint) sees only <see cref="FieldBinding"/>,
/// <see cref="ISourceContract"/> and <see cref="IDownstreamConnector"/>. Implementations are stateless singletons
/// registered in DI and found by <see cref="Kind"/> (a source's <c>Kind</c>) or <see cref="Directive"/>.
/// </summary>
public interface IDownstreamProtocol
{
    /// <summary>Gets the kind of source this protocol serves (<c>Bff:Sources:{name}:Kind</c>).</summary>
    SourceKind Kind { get; }

    /// <summary>Gets the name of the binding directive, without <c>@</c> (e.g. <c>rest</c>).</summary>
    string Directive { get; }

    /// <summary>Gets the SDL that declares the binding directive (appended to every host's SDL, hidden from clients).</summary>
    string DirectiveSdl { get; }

    /// <summary>Gets what the contract of a source is called in messages (e.g. <c>OpenAPI document</c>).</summary>
    string ContractDescription { get; }

    /// <summary>
    /// Reads the protocol's arguments of <paramref name="directive"/> into a binding carrying <paramref name="common"/>;
    /// problems go to <paramref name="errors"/> as plain messages (the caller adds file and field).
    /// </summary>
    FieldBinding Read(BindingHeader common, GraphQL.Types.AppliedDirective directive, List<string> errors);

    /// <summary>Loads the contract file of a source, or returns <see langword="null"/> after adding its problems to <paramref name="errors"/>.</summary>
    /// <param name="file">The file and the source it belongs to.</param>
    /// <param name="errors">Where problems are reported, each naming the file.</param>
    ISourceContract? LoadContract(ContractFile file, List<string> errors);

    /// <summary>
    /// Checks <paramref name="binding"/> (one of this protocol's) against <paramref name="contract"/>: the call exists
    /// and its arguments fit. Sets <see cref="FieldBinding.ContractOperation"/> when the call is found.
    /// </summary>
    void Check(FieldBinding binding, FieldType field, ISourceContract contract, List<string> errors);

    /// <summary>Gets the shape of the response of the call <paramref name="binding"/> makes, when the contract knows it.</summary>
    ContractShape? ResponseOf(FieldBinding binding, ISourceContract contract);

    /// <summary>Gets whether a call of <paramref name="binding"/> may be sent again after a failure (safe or idempotent).</summary>
    bool IsIdempotent(FieldBinding binding, ISourceContract? contract);

    /// <summary>
    /// Gets whether the call of <paramref name="binding"/> answers with a stream of messages (it then backs a
    /// <c>Subscription</c> field, or a list field with <c>take</c>); the protocol's connector is then an
    /// <see cref="IStreamingConnector"/>.
    /// </summary>
    bool IsStream(FieldBinding binding, ISourceContract contract) => false;

    /// <summary>Configures the named <see cref="HttpClient"/> of a source of this kind (<see cref="DownstreamHttpClients.Name"/>).</summary>
    void ConfigureHttpClient(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder client);

    /// <summary>
    /// Creates the connector of one source: it sends (possibly batched) calls and maps every failure to a
    /// <c>DOWNSTREAM_*</c> <see cref="BffError"/> (see <see cref="DownstreamErrors"/>).
    /// </summary>
    IDownstreamConnector CreateConnector(DownstreamConnectorContext context);

    /// <summary>
    /// Appends what makes the request of this call distinct (e.g. method, target, headers and body) to a cache key.
    /// Throws <see cref="BffError"/> when the request cannot be built (the call is then not cached).
    /// </summary>
    void WriteCacheKey(FieldBinding binding, BindingScope scope, StringBuilder key);
}

/// <summary>A source's contract file, as its protocol loads it.</summary>
/// <param name="DisplayPath">The file as configured (relative to <paramref name="BaseDirectory"/>), for messages.</param>
/// <param name="FullPath">The file on disk (it exists).</param>
/// <param name="BaseDirectory">The application's base directory, where the source's relative paths (e.g. import paths) start.</param>
/// <param name="Source">The source's settings.</param>
public sealed record ContractFile(string DisplayPath, string FullPath, string BaseDirectory, SourceOptions Source);
