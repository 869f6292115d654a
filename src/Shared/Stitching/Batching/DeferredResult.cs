using GraphQL.DataLoader;

namespace Bff.Stitching.Batching;

/// <summary>
/// A field's result computed once GraphQL.NET awaits it, after every resolver of the level ran (so calls of the
/// level can be sent together). A failure shared by several fields is copied for this one, as GraphQL.NET stamps it.
/// </summary>
internal sealed class DeferredResult(Func<Task<object?>> resolve) : IDataLoaderResult<object?>
{
    public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await resolve().ConfigureAwait(false);
        }
        catch (BffError error)
        {
            throw error.CopyForField();
        }
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken).ConfigureAwait(false);
}
