using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Bff.Protobuf.Tests;

public class ProtoCodecTests
{
    [Fact]
    public void Decodes_absent_scalars_as_proto3_defaults_and_omits_absent_messages()
    {
        var decoded = ProtoCodec.Decode(ProposalsProto.ProposalsMessage("Proposal"), Array.Empty<byte>());

        Assert.Equal(
            """{"id":"","job_id":"","freelancer_id":"","cover_letter":"","status":"PROPOSAL_STATUS_UNSPECIFIED","submitted_at":"","estimated_days":0}""",
            ProposalsProto.Json(decoded));
    }

    [Fact]
    public void Round_trips_a_proposal_with_nested_money_and_enum()
    {
        var proposal = ProposalsProto.ProposalsMessage("Proposal");
        var json = """{"id":"p1","job_id":"j1","freelancer_id":"f1","cover_letter":"Hi ✓","bid":{"currency":"EUR","amount_cents":9007199254740993},"status":"PROPOSAL_STATUS_SHORTLISTED","submitted_at":"2024-05-01T10:00:00Z","estimated_days":12}""";

        var decoded = ProtoCodec.Decode(proposal, ProtoCodec.Encode(proposal, JsonNode.Parse(json)!.AsObject()));

        Assert.Equal(json, ProposalsProto.Json(decoded));
        Assert.Equal(9007199254740993L, decoded["bid"]!["amount_cents"]!.GetValue<long>());
    }

    [Fact]
    public void Decodes_a_message_that_starts_inside_a_larger_buffer()
    {
        // Strings and nested messages are read as slices of the input: the slices must start at the message's offset.
        var proposal = ProposalsProto.ProposalsMessage("Proposal");
        var json = """{"id":"p1","job_id":"j1","freelancer_id":"f1","cover_letter":"A letter longer than one hundred and twenty-seven bytes, so that its length prefix takes two bytes on the wire: é✓ and more text.","bid":{"currency":"EUR","amount_cents":1250},"status":"PROPOSAL_STATUS_SHORTLISTED","submitted_at":"2024-05-01T10:00:00Z","estimated_days":12}""";
        var bytes = ProtoCodec.Encode(proposal, JsonNode.Parse(json)!.AsObject());
        var padded = new byte[bytes.Length + 16];
        Array.Fill(padded, (byte)0xFF);
        bytes.CopyTo(padded, 7);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ProtoCodec.WriteJson(writer, proposal, new ReadOnlyMemory<byte>(padded, 7, bytes.Length));
        }

        Assert.Equal(json, ProposalsProto.Json(JsonNode.Parse(buffer.WrittenSpan)!.AsObject()));
    }

    [Fact]
    public void A_decoded_message_keeps_its_values_after_later_decodes_on_the_same_thread()
    {
        // Decoding reuses one text buffer per thread; what it returned must not read from that buffer.
        var proposal = ProposalsProto.ProposalsMessage("Proposal");
        var first = ProtoCodec.Decode(proposal, ProtoCodec.Encode(proposal, new JsonObject { ["id"] = "first", ["cover_letter"] = new string('a', 3000) }));
        for (var i = 0; i < 3; i++)
        {
            ProtoCodec.Decode(proposal, ProtoCodec.Encode(proposal, new JsonObject { ["id"] = "other" + i, ["cover_letter"] = new string('b', 100 + (i * 2000)) }));
        }

        Assert.Equal("first", (string?)first["id"]);
        Assert.Equal(new string('a', 3000), (string?)first["cover_letter"]);
    }

    [Fact]
    public void Accepts_json_names_numeric_strings_enum_numbers_and_clr_values()
    {
        var request = ProposalsProto.ProposalsMessage("ListProposalsRequest");
        var canonical = ProtoCodec.Encode(request, new JsonObject { ["job_id"] = "j1", ["page_size"] = 42, ["page_token"] = null });
        var proposal = ProposalsProto.ProposalsMessage("Proposal");

        Assert.Equal(canonical, ProtoCodec.Encode(request, JsonNode.Parse("""{"jobId":"j1","pageSize":"42","pageToken":null}""")!.AsObject()));
        Assert.Equal(canonical, ProtoCodec.Encode(request, JsonNode.Parse("""{"jobId":"j1","pageSize":42.0}""")!.AsObject()));
        Assert.Equal(
            ProtoCodec.Encode(proposal, JsonNode.Parse("""{"status":"PROPOSAL_STATUS_ACCEPTED","bid":{"amountCents":"-5"}}""")!.AsObject()),
            ProtoCodec.Encode(proposal, new JsonObject { ["status"] = 3, ["bid"] = new JsonObject { ["amount_cents"] = -5L } }));
    }

    [Fact]
    public void Leaves_default_values_and_nulls_off_the_wire()
    {
        var request = ProposalsProto.ProposalsMessage("ListProposalsRequest");

        Assert.Empty(ProtoCodec.Encode(request, JsonNode.Parse("""{"job_id":"","page_size":0,"page_token":null}""")!.AsObject()));
    }

    [Fact]
    public void Round_trips_every_scalar_type_at_its_limits()
    {
        var json = """{"f_double":-1.5E+300,"f_float":3.25,"f_int64":-9223372036854775808,"f_uint64":18446744073709551615,"f_int32":-2147483648,"f_fixed64":18446744073709551615,"f_fixed32":4294967295,"f_bool":true,"f_string":"\u00e9\u20ac\uD83D\uDE00","f_bytes":"AAEC/w==","f_uint32":4294967295,"f_sfixed32":-2147483648,"f_sfixed64":-9223372036854775808,"f_sint32":-2147483648,"f_sint64":-9223372036854775808,"f_color":"COLOR_GREEN"}""";
        var scalars = KitchenSinkProto.Message("Scalars");

        var decoded = ProtoCodec.Decode(scalars, ProtoCodec.Encode(scalars, JsonNode.Parse(json)!.AsObject()));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), decoded), ProposalsProto.Json(decoded));
        Assert.Equal(ulong.MaxValue, decoded["f_uint64"]!.GetValue<ulong>());
        Assert.Equal(-2147483648L, decoded["f_sint32"]!.GetValue<long>());
    }

    [Fact]
    public void Writes_proto3_lists_packed_and_reads_packed_and_unpacked()
    {
        var sink = KitchenSinkProto.Sink;

        var bytes = ProtoCodec.Encode(sink, JsonNode.Parse("""{"numbers":[1,2,300],"unpacked":[7,8],"tags":["a","b"]}""")!.AsObject());

        Assert.Equal(
            new byte[] { 0x12, 0x04, 0x01, 0x02, 0xAC, 0x02, 0x32, 0x01, (byte)'a', 0x32, 0x01, (byte)'b', 0xA8, 0x01, 0x07, 0xA8, 0x01, 0x08 },
            bytes);
        var unpackedNumbers = new byte[] { 0x10, 0x01, 0x10, 0x02 };
        var packedUnpacked = new byte[] { 0xAA, 0x01, 0x02, 0x07, 0x08 };
        var decoded = ProtoCodec.Decode(sink, [.. unpackedNumbers, .. packedUnpacked]);
        Assert.Equal("[1,2]", ProposalsProto.Json(decoded["numbers"]));
        Assert.Equal("[7,8]", ProposalsProto.Json(decoded["unpacked"]));
        Assert.Equal("[]", ProposalsProto.Json(decoded["tags"]));
    }

    [Fact]
    public void Round_trips_lists_maps_oneofs_and_nested_messages()
    {
        var json = """{"numbers":[-1,0,5],"zigzags":[-3,3],"ratios":[0.5,-0],"colors":["COLOR_RED",7],"tags":["x"],"items":[{"name":"a","qty":1},{"name":"","qty":0}],"counts":{"a":1,"b":0},"items_by_id":{"-12":{"name":"n","qty":2}},"flags":{"true":"yes","false":""},"item":{"name":"chosen","qty":3},"maybe":0,"unpacked":[1],"child":{"text":"inner"}}""";
        var sink = KitchenSinkProto.Sink;

        var decoded = ProtoCodec.Decode(sink, ProtoCodec.Encode(sink, JsonNode.Parse(json)!.AsObject()));

        Assert.Equal(
            """{"numbers":[-1,0,5],"zigzags":[-3,3],"ratios":[0.5,-0],"colors":["COLOR_RED",7],"tags":["x"],"items":[{"name":"a","qty":1},{"name":"","qty":0}],"counts":{"a":1,"b":0},"items_by_id":{"-12":{"name":"n","qty":2}},"flags":{"true":"yes","false":""},"item":{"name":"chosen","qty":3},"maybe":0,"unpacked":[1],"child":{"numbers":[],"zigzags":[],"ratios":[],"colors":[],"tags":[],"items":[],"counts":{},"items_by_id":{},"flags":{},"text":"inner","unpacked":[]}}""",
            ProposalsProto.Json(decoded));
    }

    [Fact]
    public void Encodes_and_decodes_the_json_forms_of_well_known_types()
    {
        var json = """{"at":"2024-05-01T12:00:00.5+02:00","timeout":"-1.25s","note":"hello","big":"9007199254740993","extra":{"a":[1,"two",true,null,{"b":{}}]},"any_value":3.5}""";
        var sink = KitchenSinkProto.Sink;

        var decoded = ProtoCodec.Decode(sink, ProtoCodec.Encode(sink, JsonNode.Parse(json)!.AsObject()));

        Assert.Equal("2024-05-01T10:00:00.500Z", decoded["at"]!.GetValue<string>());
        Assert.Equal("-1.250s", decoded["timeout"]!.GetValue<string>());
        Assert.Equal("hello", decoded["note"]!.GetValue<string>());
        Assert.Equal(9007199254740993L, decoded["big"]!.GetValue<long>());
        Assert.Equal("""{"a":[1,"two",true,null,{"b":{}}]}""", ProposalsProto.Json(decoded["extra"]));
        Assert.Equal(3.5, decoded["any_value"]!.GetValue<double>());
    }

    [Fact]
    public void Accepts_well_known_types_in_their_message_form_and_empty_wrappers()
    {
        var sink = KitchenSinkProto.Sink;

        var decoded = ProtoCodec.Decode(sink, ProtoCodec.Encode(sink, JsonNode.Parse("""{"at":{"seconds":1,"nanos":1000},"note":{"value":""}}""")!.AsObject()));

        Assert.Equal("1970-01-01T00:00:01.000001Z", decoded["at"]!.GetValue<string>());
        Assert.Equal(string.Empty, decoded["note"]!.GetValue<string>());
        Assert.False(decoded.ContainsKey("big"));
    }

    [Fact]
    public void The_last_oneof_member_and_the_last_map_duplicate_on_the_wire_win()
    {
        var sink = KitchenSinkProto.Sink;
        var first = ProtoCodec.Encode(sink, JsonNode.Parse("""{"text":"first","counts":{"k":1}}""")!.AsObject());
        var second = ProtoCodec.Encode(sink, JsonNode.Parse("""{"number":2,"counts":{"k":2}}""")!.AsObject());

        var decoded = ProtoCodec.Decode(sink, [.. first, .. second]);

        Assert.False(decoded.ContainsKey("text"));
        Assert.Equal(2, decoded["number"]!.GetValue<int>());
        Assert.Equal("""{"k":2}""", ProposalsProto.Json(decoded["counts"]));
    }

    [Fact]
    public void Merges_a_message_field_repeated_on_the_wire()
    {
        var sink = KitchenSinkProto.Sink;
        var first = ProtoCodec.Encode(sink, JsonNode.Parse("""{"item":{"name":"a"}}""")!.AsObject());
        var second = ProtoCodec.Encode(sink, JsonNode.Parse("""{"item":{"qty":4}}""")!.AsObject());

        var decoded = ProtoCodec.Decode(sink, [.. first, .. second]);

        Assert.Equal("""{"name":"a","qty":4}""", ProposalsProto.Json(decoded["item"]));
    }

    [Fact]
    public void Skips_unknown_fields_and_keeps_unknown_enum_numbers()
    {
        var money = ProposalsProto.ProposalsMessage("Money");
        var bytes = Write(output =>
        {
            output.WriteTag(99, WireFormat.WireType.LengthDelimited);
            output.WriteString("ignored");
            output.WriteTag(1, WireFormat.WireType.Varint); // wrong wire type for a string: skipped too
            output.WriteInt32(5);
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt64(-7);
            output.WriteTag(98, WireFormat.WireType.Fixed64);
            output.WriteFixed64(1);
        });
        var proposal = ProposalsProto.ProposalsMessage("Proposal");

        Assert.Equal("""{"currency":"","amount_cents":-7}""", ProtoCodec.Decode(money, bytes).ToJsonString());
        Assert.Equal(42, ProtoCodec.Decode(proposal, [0x30, 42])["status"]!.GetValue<int>());
    }

    [Fact]
    public void Decoded_values_behave_like_parsed_json()
    {
        var decoded = ProtoCodec.Decode(ProposalsProto.ProposalsMessage("ListProposalsResponse"), [0x18, 0x05]);

        Assert.Equal(5L, decoded["total_size"]!.GetValue<long>());
        Assert.Equal(5.0, decoded["total_size"]!.GetValue<double>());
        Assert.Equal(JsonValueKind.Number, decoded["total_size"]!.GetValueKind());
    }

    [Fact]
    public void Reports_malformed_bytes()
    {
        var error = Assert.Throws<ProtoDecodeException>(() => ProtoCodec.Decode(ProposalsProto.ProposalsMessage("Proposal"), [0x0A, 0x05, 0x41]));

        Assert.Equal("marketplace.proposals.v1.Proposal", error.MessageName);
    }

    [Fact]
    public void Refuses_messages_nested_deeper_than_protobuf_allows()
    {
        var bytes = Array.Empty<byte>();
        for (var i = 0; i < 150; i++)
        {
            var inner = bytes;
            bytes = Write(output =>
            {
                output.WriteTag(22, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(inner));
            });
        }

        var error = Assert.Throws<ProtoDecodeException>(() => ProtoCodec.Decode(KitchenSinkProto.Sink, bytes));

        Assert.Contains("nested deeper than 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decodes_from_a_span_and_straight_into_a_writer()
    {
        var money = ProposalsProto.ProposalsMessage("Money");
        byte[] bytes = [0x0A, 0x03, (byte)'U', (byte)'S', (byte)'D'];
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ProtoCodec.WriteJson(writer, money, bytes);
        }

        Assert.Equal("""{"currency":"USD","amount_cents":0}""", ProtoCodec.Decode(money, bytes.AsSpan()).ToJsonString());
        Assert.Equal("""{"currency":"USD","amount_cents":0}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static byte[] Write(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }
}
