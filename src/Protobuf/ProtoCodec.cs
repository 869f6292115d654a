using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>
/// Converts between JSON and protobuf wire bytes using a <see cref="ProtoMessage"/> descriptor, without generated code.
/// </summary>
/// <remarks>
/// <para><b>Encoding</b> accepts a field by its proto name (<c>page_size</c>) or its JSON name (<c>pageSize</c>);
/// integers from numbers or numeric strings, 64-bit integers too; enums by name or number; bytes as base64; lists
/// (written packed for scalars in proto3); maps as objects; nested messages as objects. <see langword="null"/> or
/// missing properties are left out. Below the root, well-known types take their JSON forms: RFC 3339 strings for
/// <c>Timestamp</c>, <c>"1.5s"</c> for <c>Duration</c>, bare values for wrappers, any JSON for <c>Struct</c>/<c>Value</c>.</para>
/// <para><b>Decoding</b> writes proto field names in declaration order; absent proto3 scalars as their defaults
/// (0, "", false, the first enum value), absent lists as <c>[]</c> and maps as <c>{}</c>; absent message, oneof and
/// <c>optional</c> fields are left out. Enums come out as names (unknown numbers as numbers), 64-bit integers as
/// JSON numbers, bytes as base64; unknown fields are skipped; packed and unpacked lists are both read.
/// Values in the returned nodes are backed by <see cref="JsonElement"/>, like parsed JSON.</para>
/// </remarks>
public static class ProtoCodec
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = (ProtoDecoder.MaxDepth * 2) + 8 };

    // The buffer is parsed straight back, never embedded in HTML: no need to escape non-ASCII text.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        SkipValidation = true,
        MaxDepth = ParseOptions.MaxDepth,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Decoding writes JSON text that is parsed (copied) straight back, so each thread keeps one buffer and one writer.
    private const int MaxKeptBuffer = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Encodes <paramref name="value"/> as a <paramref name="type"/> message.</summary>
    /// <exception cref="ProtoEncodeException">
    /// A property is not a field of the message, or a value does not convert; the message names the field path,
    /// e.g. <c>ListProposalsRequest.page_size: "abc" is not an int32</c>.
    /// </exception>
    public static byte[] Encode(ProtoMessage type, JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        return ProtoEncoder.EncodeMessage(type, value, type.Name);
    }

    /// <summary>Decodes <paramref name="data"/> as a <paramref name="type"/> message.</summary>
    /// <exception cref="ProtoDecodeException">The bytes are not a valid encoding of the message.</exception>
    public static JsonObject Decode(ProtoMessage type, byte[] data) => Decode(type, data, ProtoJsonOptions.Gateway);

    /// <summary>Decodes <paramref name="data"/> as a <paramref name="type"/> message, written as <paramref name="options"/> say.</summary>
    /// <exception cref="ProtoDecodeException">The bytes are not a valid encoding of the message.</exception>
    public static JsonObject Decode(ProtoMessage type, byte[] data, ProtoJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Decode(type, new ReadOnlyMemory<byte>(data), options);
    }

    /// <summary>Decodes <paramref name="data"/> as a <paramref name="type"/> message.</summary>
    /// <exception cref="ProtoDecodeException">The bytes are not a valid encoding of the message.</exception>
    public static JsonObject Decode(ProtoMessage type, ReadOnlySpan<byte> data) => Decode(type, new ReadOnlyMemory<byte>(data.ToArray()), ProtoJsonOptions.Gateway);

    /// <summary>Decodes <paramref name="data"/> as a <paramref name="type"/> message straight into <paramref name="writer"/>.</summary>
    /// <exception cref="ProtoDecodeException">The bytes are not a valid encoding of the message.</exception>
    public static void WriteJson(Utf8JsonWriter writer, ProtoMessage type, ReadOnlyMemory<byte> data) =>
        WriteJson(writer, type, data, ProtoJsonOptions.Gateway);

    /// <summary>Decodes <paramref name="data"/> as a <paramref name="type"/> message straight into <paramref name="writer"/>, written as <paramref name="options"/> say.</summary>
    /// <exception cref="ProtoDecodeException">The bytes are not a valid encoding of the message.</exception>
    public static void WriteJson(Utf8JsonWriter writer, ProtoMessage type, ReadOnlyMemory<byte> data, ProtoJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            ProtoDecoder.WriteMessage(writer, type, data, depth: 0, options);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new ProtoDecodeException(type.FullName, exception.Message, exception);
        }
    }

    private static JsonObject Decode(ProtoMessage type, ReadOnlyMemory<byte> data, ProtoJsonOptions options)
    {
        // Taken, not borrowed: a decode nested in this one (none today) would find none and make its own.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(Math.Max(256, data.Length * 2));
        var writer = t_writer;
        (t_buffer, t_writer) = (null, null);
        buffer.ResetWrittenCount();
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            WriteJson(writer, type, data, options);
            writer.Flush();
            // Parsing copies the text into the document the nodes read, so the buffer is free again afterwards.
            return JsonNode.Parse(buffer.WrittenSpan, documentOptions: ParseOptions)!.AsObject();
        }
        finally
        {
            if (buffer.Capacity <= MaxKeptBuffer)
            {
                (t_buffer, t_writer) = (buffer, writer);
            }
        }
    }
}
