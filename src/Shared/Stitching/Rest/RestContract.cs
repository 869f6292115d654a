using Bff.Stitching.Contracts;

namespace Bff.Stitching.Rest;

/// <summary>The contract of a REST source: its OpenAPI document.</summary>
/// <param name="OpenApi">The document as read.</param>
internal sealed record RestContract(OpenApiContract OpenApi) : ISourceContract
{
    /// <inheritdoc />
    public string File => OpenApi.File;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Operations { get; } = OpenApi.Operations.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders(string operation) =>
        OpenApi.Operations.FirstOrDefault(o => o.Name == operation)?.Security ?? [];

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => OpenApi.Warnings;
}
