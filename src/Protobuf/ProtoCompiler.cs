extern alias ProtobufNet;
using ProtobufNet::Google.Protobuf.Reflection;

namespace Bff.Protobuf;

/// <summary>
/// Compiles <c>.proto</c> text with protobuf-net.Reflection (a maintained proto2/proto3 parser, which knows the
/// well-known types <c>google/protobuf/*.proto</c>) into a <see cref="ProtoSchemaSet"/>, resolving imports against
/// include paths as <c>protoc -I</c> does; or reads the serialized file descriptors server reflection sends.
/// </summary>
public static class ProtoCompiler
{
    /// <summary>
    /// Compiles <paramref name="file"/> (a path relative to the first of <paramref name="importPaths"/> that holds it)
    /// and everything it imports. Never throws for bad input: problems come back in <see cref="ProtoCompilation.Errors"/>.
    /// </summary>
    public static ProtoCompilation Compile(string file, IEnumerable<string> importPaths)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(importPaths);
        var set = new FileDescriptorSet();
        foreach (var path in importPaths)
        {
            set.AddImportPath(path);
        }

        return set.Add(file.Replace('\\', '/'), includeInOutput: true)
            ? Finish(set)
            : new ProtoCompilation(null, [new ProtoDiagnostic(file, 0, 0, "file not found on the import paths")]);
    }

    /// <summary>Compiles one file given as <paramref name="text"/>, named <paramref name="fileName"/>; imports resolve against <paramref name="importPaths"/>.</summary>
    public static ProtoCompilation CompileText(string text, string fileName = "test.proto", IEnumerable<string>? importPaths = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new FileDescriptorSet();
        foreach (var path in importPaths ?? [])
        {
            set.AddImportPath(path);
        }

        set.Add(fileName, includeInOutput: true, new StringReader(text));
        return Finish(set);
    }

    /// <summary>Reads serialized <c>FileDescriptorProto</c>s (from server reflection or <c>protoc --descriptor_set_out</c>) into a set.</summary>
    /// <exception cref="ProtoParseException">A type is unknown or declared twice.</exception>
    public static ProtoSchemaSet FromDescriptors(IEnumerable<ReadOnlyMemory<byte>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var read = new List<ProtoFile>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bytes in files)
        {
            var descriptor = FileDescriptorSet.Serializer.Deserialize<FileDescriptorProto>(bytes);
            if (names.Add(descriptor.Name))
            {
                read.Add(ProtoDescriptorReader.Read(descriptor));
            }
        }

        return ProtoSchemaSet.Create(read);
    }

    private static ProtoCompilation Finish(FileDescriptorSet set)
    {
        set.Process();
        var errors = set.GetErrors().Where(e => e.IsError)
            .Select(e => new ProtoDiagnostic(e.File, e.LineNumber, e.ColumnNumber, e.Message))
            .ToList();
        if (errors.Count > 0)
        {
            return new ProtoCompilation(null, errors);
        }

        set.ApplyFileDependencyOrder();
        try
        {
            return new ProtoCompilation(ProtoSchemaSet.Create(set.Files.Select(ProtoDescriptorReader.Read)), []);
        }
        catch (ProtoParseException ex)
        {
            return new ProtoCompilation(null, [new ProtoDiagnostic(ex.FileName, 0, 0, ex.Reason)]);
        }
    }
}
