using Bff.Stitching.Contracts;

namespace Bff.Stitching;

/// <summary>
/// A protocol that can also read a source's contract from the running service at start-up (GraphQL introspection,
/// gRPC server reflection) when the source's <c>Contract</c> names that instead of a file.
/// </summary>
public interface IFetchedContractProtocol
{
    /// <summary>Gets the <c>Contract</c> value that asks for the contract to be read from the service (e.g. <c>introspection</c>).</summary>
    string FetchedContract { get; }

    /// <summary>
    /// Reads the contract of <paramref name="source"/> from the service, waiting for it to start up to
    /// <see cref="SourceOptions.ContractWait"/>; or returns <see langword="null"/> after adding a problem that names
    /// <paramref name="where"/> and the address to <paramref name="errors"/>.
    /// </summary>
    ISourceContract? FetchContract(string source, SourceOptions options, string where, List<string> errors);
}
