using Bff.Stitching.Contracts;

namespace Bff.Stitching;

/// <summary>What a protocol needs to create the connector of one source.</summary>
/// <param name="Source">The source's name (a key of <c>Bff:Sources</c>).</param>
/// <param name="Options">The source's options.</param>
/// <param name="Contract">The source's contract, or <see langword="null"/> when it could not be loaded.</param>
/// <param name="Services">The host's services (HTTP clients, time, credentials, instances, service discovery).</param>
public sealed record DownstreamConnectorContext(string Source, SourceOptions Options, ISourceContract? Contract, IServiceProvider Services);
