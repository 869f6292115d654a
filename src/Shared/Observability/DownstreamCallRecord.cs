namespace Bff.Observability;

/// <summary>One downstream call made for a request, as reported in <c>extensions.downstream</c>.</summary>
/// <param name="Source">The source name.</param>
/// <param name="Kind"><c>rest</c> or <c>grpc</c>.</param>
/// <param name="Operation">REST method and path (with query), or the gRPC method.</param>
/// <param name="DurationMs">Wall-clock duration in milliseconds.</param>
/// <param name="BatchSize">How many parents the call served (1 for an unbatched call).</param>
/// <param name="Outcome"><c>ok</c>, <c>not_found</c>, or the error code the call failed with.</param>
/// <param name="Status">The HTTP status or gRPC status code, when one was received.</param>
/// <param name="Attempts">How many attempts the call took: more than 1 after retries, 0 when none was made.</param>
/// <param name="ShortCircuited">
/// Whether the gateway failed the call without sending it (an open circuit, the source's concurrency limit).
/// </param>
public sealed record DownstreamCallRecord(
    string Source,
    string Kind,
    string Operation,
    double DurationMs,
    int BatchSize,
    string Outcome,
    string? Status,
    int Attempts = 1,
    bool ShortCircuited = false);

/// <summary>Renders <see cref="DownstreamCallRecord"/>s for <c>extensions.downstream</c>.</summary>
public static class DownstreamCallRecordExtensions
{
    /// <summary>Gets the record as the JSON object clients see (camelCase names, no nulls).</summary>
    public static Dictionary<string, object?> ToExtension(this DownstreamCallRecord record)
    {
        var entry = new Dictionary<string, object?>
        {
            ["source"] = record.Source,
            ["kind"] = record.Kind,
            ["operation"] = record.Operation,
            ["durationMs"] = record.DurationMs,
            ["batchSize"] = record.BatchSize,
            ["outcome"] = record.Outcome,
        };
        if (record.Status is not null)
        {
            entry["status"] = record.Status;
        }

        if (record.Attempts != 1)
        {
            entry["attempts"] = record.Attempts;
        }

        if (record.ShortCircuited)
        {
            entry["shortCircuited"] = true;
        }

        return entry;
    }
}
