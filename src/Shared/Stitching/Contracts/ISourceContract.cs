namespace Bff.Stitching.Contracts;

/// <summary>
/// The contract of one source as its protocol loaded it (an OpenAPI document, a <c>.proto</c> file, …). Only the
/// protocol that loaded it looks inside; the rest of the gateway sees the operation names credentials are checked against.
/// </summary>
public interface ISourceContract
{
    /// <summary>Gets the contract file as configured, for messages.</summary>
    string File { get; }

    /// <summary>Gets the names of the operations of the contract (credentials may be restricted to them).</summary>
    IReadOnlyCollection<string> Operations { get; }

    /// <summary>
    /// Gets the alternatives (any one suffices) of request headers that <paramref name="operation"/> needs according to
    /// the contract, e.g. an API key header; empty when the contract asks for none or cannot say.
    /// </summary>
    IReadOnlyList<IReadOnlyList<string>> RequiredHeaders(string operation);

    /// <summary>Gets what the reader accepted but reports (logged at start-up, never fatal); none by default.</summary>
    IReadOnlyList<string> Warnings => [];
}
