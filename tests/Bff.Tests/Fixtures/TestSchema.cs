namespace Bff.Tests.Fixtures;

/// <summary>An SDL file written beside the host's binaries for one test (removed on dispose).</summary>
public sealed class TestSchema : IDisposable
{
    public TestSchema(string sdl)
    {
        File = Path.Combine("schemas", $"test-{Guid.NewGuid():N}.graphql");
        System.IO.File.WriteAllText(Path.Combine(AppContext.BaseDirectory, File), sdl);
    }

    /// <summary>The path to put in Bff:Schema.</summary>
    public string File { get; }

    public void Dispose() => System.IO.File.Delete(Path.Combine(AppContext.BaseDirectory, File));
}
