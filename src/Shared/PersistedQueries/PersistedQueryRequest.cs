using System.Globalization;
using GraphQL;
using GraphQL.Transport;

namespace Bff.PersistedQueries;

/// <summary>Reads and edits the persisted-query parts of a GraphQL request (<c>extensions.persistedQuery</c>, <c>documentId</c>).</summary>
public static class PersistedQueryRequest
{
    /// <summary>The extension Apollo clients send: <c>{ "version": 1, "sha256Hash": "…" }</c>.</summary>
    public const string Extension = "persistedQuery";

    /// <summary>Reads <c>extensions.persistedQuery</c>; <c>Present = false</c> when the request has none.</summary>
    public static (bool Present, long? Version, string? Hash) Read(GraphQLRequest request)
    {
        if (request.Extensions is null || !request.Extensions.TryGetValue(Extension, out var value))
        {
            return (false, null, null);
        }

        if (value is not IReadOnlyDictionary<string, object?> and not IDictionary<string, object?>)
        {
            return (true, null, null);
        }

        var fields = value as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>((IDictionary<string, object?>)value);
        long? version = null;
        if (fields.TryGetValue("version", out var v) && v is IConvertible convertible)
        {
            try
            {
                version = convertible.ToInt64(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
            }
        }

        return (true, version, fields.TryGetValue("sha256Hash", out var hash) ? hash as string : null);
    }

    /// <summary>Gets the document id a request names: <c>documentId</c> (without a <c>sha256:</c> prefix) or the persisted-query hash.</summary>
    public static string? DocumentId(GraphQLRequest request)
    {
        if (!string.IsNullOrEmpty(request.DocumentId))
        {
            return request.DocumentId.StartsWith("sha256:", StringComparison.Ordinal) ? request.DocumentId[7..] : request.DocumentId;
        }

        return Read(request).Hash;
    }

    /// <summary>Copies <paramref name="request"/> with <paramref name="query"/> as its document and no persisted-query parts.</summary>
    public static GraphQLRequest WithQuery(GraphQLRequest request, string query)
    {
        var extensions = request.Extensions?.Where(e => e.Key != Extension).ToDictionary(e => e.Key, e => e.Value);
        return new GraphQLRequest
        {
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = extensions is { Count: > 0 } ? new Inputs(extensions) : null,
        };
    }
}
