namespace Bff.Samples.Demo;

/// <summary>Finds the repository root (the folder with Bff.sln) above the demo's binaries.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bff.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Bff.sln not found above " + AppContext.BaseDirectory);
    }
}
