namespace Bff.Samples.Reviews;

/// <summary>One GraphQL request the reviews service received.</summary>
/// <param name="Query">The document text.</param>
/// <param name="Variables">The variables as JSON, or <see langword="null"/> when none were sent.</param>
/// <param name="OperationName">The operation name sent, if any.</param>
public sealed record ReceivedOperation(string Query, string? Variables, string? OperationName);

/// <summary>The GraphQL requests the reviews service received, oldest first. Thread-safe.</summary>
public sealed class OperationLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedOperation> _operations = [];

    /// <summary>Gets a snapshot of what was received.</summary>
    public IReadOnlyList<ReceivedOperation> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _operations];
            }
        }
    }

    /// <summary>Records one request.</summary>
    public void Record(ReceivedOperation operation)
    {
        lock (_gate)
        {
            _operations.Add(operation);
        }
    }

    /// <summary>Forgets every request.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _operations.Clear();
        }
    }
}
