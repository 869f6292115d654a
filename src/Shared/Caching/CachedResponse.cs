using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Stitching;

namespace Bff.Caching;

/// <summary>A stored downstream response: the body as UTF-8 JSON (each reader parses its own copy) and when it goes stale.</summary>
/// <param name="Body">The body, or <see langword="null"/> for a not-found answer.</param>
/// <param name="Operation">The concrete operation (for diagnostics).</param>
/// <param name="Status">The protocol status received.</param>
/// <param name="ExpiresAt">When the entry goes stale, in Unix milliseconds of the host's <see cref="TimeProvider"/>.</param>
public sealed record CachedResponse(byte[]? Body, string Operation, string? Status, long ExpiresAt)
{
    /// <summary>Gets the response as a fresh <see cref="DownstreamResponse"/> marked with <paramref name="outcome"/>.</summary>
    public DownstreamResponse ToResponse(string? outcome) =>
        new(Body is null ? null : JsonNode.Parse(Body), Operation, Status, outcome);

    /// <summary>Encodes the entry for Redis as a small JSON envelope.</summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("e", ExpiresAt);
            writer.WriteString("o", Operation);
            writer.WriteString("s", Status);
            writer.WritePropertyName("b");
            if (Body is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(Body, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes an entry written by <see cref="Encode"/>, or returns <see langword="null"/> for anything else.</summary>
    public static CachedResponse? Decode(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var body = root.GetProperty("b");
            return new CachedResponse(
                body.ValueKind == JsonValueKind.Null ? null : System.Text.Encoding.UTF8.GetBytes(body.GetRawText()),
                root.GetProperty("o").GetString() ?? "",
                root.GetProperty("s").GetString(),
                root.GetProperty("e").GetInt64());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
