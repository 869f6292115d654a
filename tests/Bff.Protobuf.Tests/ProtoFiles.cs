namespace Bff.Protobuf.Tests;

/// <summary>Compiles test <c>.proto</c> text and files written to a temporary directory.</summary>
internal static class ProtoFiles
{
    /// <summary>Compiles <paramref name="text"/> alone; fails the test with the compiler's problems if it does not compile.</summary>
    public static ProtoSchemaSet Schema(string text, string fileName = "test.proto")
    {
        var compilation = ProtoCompiler.CompileText(text, fileName);
        return compilation.Schema ?? throw new InvalidOperationException(string.Join("\n", compilation.Errors));
    }

    /// <summary>Gets the file <paramref name="fileName"/> of <paramref name="schema"/>.</summary>
    public static ProtoFile File(this ProtoSchemaSet schema, string fileName = "test.proto") =>
        schema.Files.Single(f => f.FileName == fileName);

    /// <summary>The directory of the test's .proto files (copied beside the test binaries).</summary>
    public static string ProtosDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Protos");

    /// <summary>Writes <paramref name="files"/> (relative path, text) into a fresh temporary directory, which the caller deletes.</summary>
    public static DirectoryInfo Write(params (string Path, string Text)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("bff-protos-");
        foreach (var (path, text) in files)
        {
            var full = System.IO.Path.Combine(directory.FullName, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllText(full, text);
        }

        return directory;
    }
}
