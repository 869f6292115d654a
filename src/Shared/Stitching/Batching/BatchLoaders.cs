using System.Collections.Concurrent;

namespace Bff.Stitching.Batching;

/// <summary>The batch loaders of one operation (a request feature), one per binding and argument set.</summary>
public sealed class BatchLoaders : ConcurrentDictionary<string, BatchLoader>
{
    /// <summary>Creates the empty set.</summary>
    public BatchLoaders()
        : base(StringComparer.Ordinal)
    {
    }
}
