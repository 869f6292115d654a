namespace Bff.Tests.Fixtures;

/// <summary>Writes a one-off SDL file beside the binaries, for a host that needs a schema of its own.</summary>
public static class CustomSchema
{
    /// <summary>Writes <paramref name="sdl"/> and returns its path relative to the binaries (the value of <c>Bff:Schema</c>).</summary>
    public static string Write(string sdl)
    {
        var file = Path.Combine("schemas", $"custom-{Guid.NewGuid():N}.graphql");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), sdl);
        return file;
    }

    public static void Delete(string file) => File.Delete(Path.Combine(AppContext.BaseDirectory, file));
}
