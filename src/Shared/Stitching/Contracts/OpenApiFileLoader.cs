using Microsoft.OpenApi;

namespace Bff.Stitching.Contracts;

/// <summary>
/// Reads the files an OpenAPI document's <c>$ref</c>s name, from the local disk only: a contract is read at start-up, where
/// reaching the network would make the gateway's start depend on another host. A file that cannot be read is remembered
/// (the reference then stays unresolved and is reported where it is used) instead of ending the whole read.
/// </summary>
internal sealed class OpenApiFileLoader : IStreamLoader
{
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    /// <summary>Gets why a referenced file could not be read, by its full path.</summary>
    public IReadOnlyDictionary<string, string> Problems => _problems;

    /// <inheritdoc />
    public Task<Stream> LoadAsync(Uri baseUrl, Uri uri, CancellationToken cancellationToken)
    {
        var target = uri.IsAbsoluteUri ? uri : new Uri(baseUrl, uri);
        if (!target.IsFile)
        {
            _problems[target.OriginalString] = $"only files beside the document can be referenced, not {target.Scheme} addresses";
            return Task.FromResult<Stream>(Empty());
        }

        try
        {
            return Task.FromResult<Stream>(new MemoryStream(File.ReadAllBytes(target.LocalPath)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems[target.LocalPath] = ex is FileNotFoundException or DirectoryNotFoundException ? $"file not found (looked at {target.LocalPath})" : ex.Message;
            return Task.FromResult<Stream>(Empty());
        }
    }

    // A valid document with nothing in it: the reader then leaves the reference unresolved rather than reporting the
    // stand-in's own problems.
    private static MemoryStream Empty() => new("""{"openapi":"3.1.0","info":{"title":"-","version":"-"}}"""u8.ToArray());

    /// <summary>Gets why the file <paramref name="reference"/> names could not be read, if it could not.</summary>
    /// <param name="reference">A <c>$ref</c>'s file part, e.g. <c>common.yaml</c>.</param>
    /// <param name="document">The full path of the document it is relative to.</param>
    public string? ProblemOf(string? reference, string document)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var target = Uri.TryCreate(new Uri(Path.GetFullPath(document)), reference, out var uri) ? uri : null;
        return target is null ? null : _problems.GetValueOrDefault(target.IsFile ? target.LocalPath : target.OriginalString);
    }
}
