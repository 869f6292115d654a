using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>A folder of .proto files (and a schema) written under the binaries' <c>schemas/</c> for one test, deleted after it.</summary>
internal sealed class ProtoContractFolder : IDisposable
{
    private readonly List<string> _schemas = [];

    /// <summary>Writes <paramref name="files"/> (path relative to the folder, text).</summary>
    public ProtoContractFolder(params (string Path, string Text)[] files)
    {
        Relative = Path.Combine("schemas", $"protos-{Guid.NewGuid():N}").Replace('\\', '/');
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(AppContext.BaseDirectory, Relative, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    /// <summary>Gets the folder, relative to the binaries, e.g. <c>schemas/protos-1234</c>.</summary>
    public string Relative { get; }

    /// <summary>Gets the path of <paramref name="file"/> relative to the binaries, as configuration names it.</summary>
    public string PathOf(string file) => $"{Relative}/{file}";

    /// <summary>Settings for a web host with schema <paramref name="sdl"/> and a gRPC source named <paramref name="source"/>.</summary>
    public Dictionary<string, string?> Settings(string sdl, string source, string contract, Uri address, params (string Key, string? Value)[] extra)
    {
        var schema = CustomSchema.Write(sdl);
        _schemas.Add(schema);
        var settings = new Dictionary<string, string?>
        {
            ["Bff:Schema"] = schema,
            [$"Bff:Sources:{source}:Kind"] = "Grpc",
            [$"Bff:Sources:{source}:Contract"] = contract,
            [$"Bff:Sources:{source}:BaseAddress"] = address.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _schemas.ForEach(CustomSchema.Delete);
        Directory.Delete(Path.Combine(AppContext.BaseDirectory, Relative), recursive: true);
    }
}
