namespace Bff.Stitching;

/// <summary>The named <see cref="HttpClient"/>s of sources: one per source, configured by its protocol.</summary>
public static class DownstreamHttpClients
{
    /// <summary>Gets the name of the <see cref="HttpClient"/> of a source.</summary>
    public static string Name(string source) => "bff-source:" + source;
}
