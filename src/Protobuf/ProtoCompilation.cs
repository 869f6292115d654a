namespace Bff.Protobuf;

/// <summary>The result of compiling <c>.proto</c> files: the resolved set, or the problems that stopped it.</summary>
/// <param name="Schema">The resolved set; <see langword="null"/> when there are <paramref name="Errors"/>.</param>
/// <param name="Errors">Every problem found, in file order.</param>
public sealed record ProtoCompilation(ProtoSchemaSet? Schema, IReadOnlyList<ProtoDiagnostic> Errors);
