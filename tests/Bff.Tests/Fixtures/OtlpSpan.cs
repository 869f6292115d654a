using Google.Protobuf;

namespace Bff.Tests.Fixtures;

/// <summary>One span of an OTLP <c>ExportTraceServiceRequest</c>, with the fields the tests read.</summary>
public sealed record OtlpSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The OTLP span kind <c>SPAN_KIND_INTERNAL</c>.</summary>
    public const int Internal = 1;

    /// <summary>The OTLP span kind <c>SPAN_KIND_SERVER</c>.</summary>
    public const int Server = 2;

    /// <summary>The OTLP span kind <c>SPAN_KIND_CLIENT</c>.</summary>
    public const int Client = 3;

    /// <summary>
    /// Reads the spans of an <c>opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest</c> (field numbers
    /// from opentelemetry-proto's trace.proto, resource.proto and common.proto); every other field is skipped.
    /// </summary>
    public static List<OtlpSpan> ReadExport(byte[] body)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Messages(body, 1))
        {
            var service = Messages(resourceSpans, 1).SelectMany(r => Messages(r, 1)).Select(KeyValue)
                .FirstOrDefault(a => a.Key == "service.name").Value ?? "";
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                var scope = Messages(scopeSpans, 1).Select(s => Strings(s, 1).FirstOrDefault()).FirstOrDefault() ?? "";
                spans.AddRange(Messages(scopeSpans, 2).Select(span => Span(service, scope, span)));
            }
        }

        return spans;
    }

    private static OtlpSpan Span(string service, string scope, byte[] span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = new CodedInputStream(span);
        while (input.ReadTag() is var tag and not 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 2: spanId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 4: parent = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                case 9:
                    var (key, value) = KeyValue(input.ReadBytes().ToByteArray());
                    attributes[key] = value ?? "";
                    break;
                default: input.SkipLastField(); break;
            }
        }

        return new OtlpSpan(service, scope, traceId, spanId, parent, name, kind, attributes);
    }

    /// <summary>A <c>KeyValue</c>: its key and its <c>AnyValue</c> rendered as text (strings, bools, ints, doubles).</summary>
    private static (string Key, string? Value) KeyValue(byte[] message)
    {
        var key = Strings(message, 1).FirstOrDefault() ?? "";
        string? value = null;
        foreach (var any in Messages(message, 2))
        {
            var input = new CodedInputStream(any);
            while (input.ReadTag() is var tag and not 0)
            {
                value = WireFormat.GetTagFieldNumber(tag) switch
                {
                    1 => input.ReadString(),
                    2 => input.ReadBool() ? "true" : "false",
                    3 => input.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    4 => input.ReadDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => Skip(input),
                };
            }
        }

        return (key, value);
    }

    private static string? Skip(CodedInputStream input)
    {
        input.SkipLastField();
        return null;
    }

    private static IEnumerable<string> Strings(byte[] message, int field) =>
        Messages(message, field).Select(b => System.Text.Encoding.UTF8.GetString(b));

    /// <summary>The length-delimited values of <paramref name="field"/> in <paramref name="message"/>.</summary>
    private static List<byte[]> Messages(byte[] message, int field)
    {
        var values = new List<byte[]>();
        var input = new CodedInputStream(message);
        while (input.ReadTag() is var tag and not 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                values.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return values;
    }
}
