namespace Bff.Stitching.Bindings;

/// <summary>The arguments every binding directive has, read once for all protocols.</summary>
/// <param name="Source">The name of the source.</param>
/// <param name="TypeName">The GraphQL type that declares the field.</param>
/// <param name="FieldName">The bound field.</param>
/// <param name="Select">The path into the response whose value becomes the field's value.</param>
/// <param name="BatchKey">The key of each parent for a batched field, or <see langword="null"/>.</param>
/// <param name="MatchOn">The property path of each response item matched against the batch key.</param>
/// <param name="Pick">The path of the value taken from each matched item of a batched call.</param>
/// <param name="Cache">The <c>@cache</c> policy, or <see langword="null"/>.</param>
public sealed record BindingHeader(
    string Source, string TypeName, string FieldName, IReadOnlyList<string> Select, ValueTemplate? BatchKey,
    IReadOnlyList<string> MatchOn, IReadOnlyList<string> Pick, CachePolicy? Cache);
