using System.Text.Json.Nodes;
using Bff.Protobuf.Tests.Generated;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Bff.Protobuf.Tests;

/// <summary>
/// The proto3 JSON mapping, proven against Google.Protobuf (generated code, <c>JsonFormatter</c>, <c>JsonParser</c>)
/// rather than asserted by hand: what we decode is what its formatter writes, what we encode from its formatter's
/// JSON is the message it started from, and its parser reads back what we write.
/// </summary>
public class JsonMappingTests
{
    [Theory]
    [MemberData(nameof(JsonMappingSamples.Names), MemberType = typeof(JsonMappingSamples))]
    public void Canonical_decoding_writes_what_JsonFormatter_writes(string name)
    {
        var message = JsonMappingSamples.All[name];

        var ours = ProtoCodec.Decode(JsonMappingSamples.TypeOf(message), message.ToByteArray(), ProtoJsonOptions.Canonical);

        var reference = JsonNode.Parse(JsonMappingSamples.Formatter.Format(message));
        Assert.True(JsonNode.DeepEquals(reference, ours), $"JsonFormatter: {reference!.ToJsonString()}\nours:          {ours.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(JsonMappingSamples.Names), MemberType = typeof(JsonMappingSamples))]
    public void Encoding_what_JsonFormatter_writes_gives_back_the_message(string name)
    {
        var message = JsonMappingSamples.All[name];
        var json = JsonNode.Parse(JsonMappingSamples.Formatter.Format(message))!.AsObject();

        var bytes = ProtoCodec.Encode(JsonMappingSamples.TypeOf(message), json);

        Assert.Equal(message, message.Descriptor.Parser.ParseFrom(bytes));
    }

    [Theory]
    [MemberData(nameof(JsonMappingSamples.Names), MemberType = typeof(JsonMappingSamples))]
    public void JsonParser_reads_back_what_we_write_in_the_canonical_form(string name)
    {
        var message = JsonMappingSamples.All[name];

        var json = ProtoCodec.Decode(JsonMappingSamples.TypeOf(message), message.ToByteArray(), ProtoJsonOptions.Canonical).ToJsonString();

        Assert.Equal(message, JsonMappingSamples.Parser.Parse(json, message.Descriptor));
    }

    // The gateway form writes 64-bit integers as JSON numbers, which JsonParser reads through a double: beyond 2^53
    // only a reader that keeps the digits (ours, GraphQL's Long) gets them back, so the gateway form round-trips through us.
    [Theory]
    [MemberData(nameof(JsonMappingSamples.Names), MemberType = typeof(JsonMappingSamples))]
    public void The_gateway_form_encodes_back_to_the_same_message(string name)
    {
        var message = JsonMappingSamples.All[name];
        var type = JsonMappingSamples.TypeOf(message);

        var json = ProtoCodec.Decode(type, message.ToByteArray());

        Assert.Equal(message, message.Descriptor.Parser.ParseFrom(ProtoCodec.Encode(type, json)));
    }

    [Fact]
    public void Canonical_form_writes_64_bit_integers_as_strings_and_the_gateway_form_as_numbers()
    {
        var message = JsonMappingSamples.AllScalars;
        var type = JsonMappingSamples.TypeOf(message);

        var canonical = ProtoCodec.Decode(type, message.ToByteArray(), ProtoJsonOptions.Canonical);
        var gateway = ProtoCodec.Decode(type, message.ToByteArray());

        Assert.Equal("\"-9007199254740993\"", canonical["fInt64"]!.ToJsonString());
        Assert.Equal("\"18446744073709551615\"", canonical["fUint64"]!.ToJsonString());
        Assert.Equal("-9007199254740993", gateway["f_int64"]!.ToJsonString());
        Assert.Equal("18446744073709551615", gateway["f_uint64"]!.ToJsonString());
        Assert.Equal("AAEC+v8=", (string?)gateway["f_bytes"]);
        Assert.Equal("COLOR_GREEN", (string?)gateway["f_color"]);
    }

    [Fact]
    public void Gateway_form_writes_defaults_and_leaves_absent_wrappers_out()
    {
        var type = JsonMappingSamples.TypeOf(new WellKnown());

        var empty = ProtoCodec.Decode(JsonMappingSamples.TypeOf(new Scalars()), new Scalars().ToByteArray());
        var wellKnown = ProtoCodec.Decode(type, new WellKnown { Note = "n" }.ToByteArray());

        Assert.Equal(0, (int)empty["f_int32"]!);
        Assert.Equal("COLOR_UNSPECIFIED", (string?)empty["f_color"]);
        Assert.False(empty.ContainsKey("f_optional"));
        Assert.Equal("""{"note":"n","history":[]}""", wellKnown.ToJsonString());
    }

    [Theory]
    [InlineData("at", "\"2024-05-01T10:00:00.500Z\"")]
    [InlineData("took", "\"1.500s\"")]
    [InlineData("mask", "\"user.displayName,photo\"")]
    [InlineData("big", "\"1152921504606846976\"")]
    [InlineData("flag", "false")]
    [InlineData("payload", """{"@type":"type.googleapis.com/bff.protobuf.tests.v1.Scalars","fInt64":"5","fString":"in any","fColor":"COLOR_RED"}""")]
    public void Well_known_types_take_their_json_forms(string field, string json)
    {
        var message = JsonMappingSamples.All["well-known types"];

        var decoded = ProtoCodec.Decode(JsonMappingSamples.TypeOf(message), message.ToByteArray(), ProtoJsonOptions.Canonical);

        Assert.Equal(json, decoded[field]!.ToJsonString());
    }

    [Fact]
    public void NaN_and_infinities_are_strings()
    {
        var message = JsonMappingSamples.All["NaN and infinities"];

        var decoded = ProtoCodec.Decode(JsonMappingSamples.TypeOf(message), message.ToByteArray());

        Assert.Equal(("NaN", "Infinity"), ((string?)decoded["f_double"], (string?)decoded["f_float"]));
    }

    [Fact]
    public void An_any_of_a_type_outside_the_contract_is_refused_both_ways()
    {
        var type = JsonMappingSamples.TypeOf(new WellKnown());
        var foreign = new WellKnown { Payload = new Any { TypeUrl = "type.googleapis.com/other.Thing", Value = ByteString.CopyFromUtf8("x") } };

        var decode = Assert.Throws<ProtoDecodeException>(() => ProtoCodec.Decode(type, foreign.ToByteArray()));
        var encode = Assert.Throws<ProtoEncodeException>(() =>
            ProtoCodec.Encode(type, JsonNode.Parse("""{"payload":{"@type":"type.googleapis.com/other.Thing"}}""")!.AsObject()));

        Assert.Contains("other.Thing", decode.Message, StringComparison.Ordinal);
        Assert.Contains("WellKnown.payload.@type: 'type.googleapis.com/other.Thing' is no message of the contract", encode.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_mask_path_must_be_lower_camel_case()
    {
        var type = JsonMappingSamples.TypeOf(new WellKnown());

        var error = Assert.Throws<ProtoEncodeException>(() => ProtoCodec.Encode(type, new JsonObject { ["mask"] = "user.display_name" }));

        Assert.Contains("not lowerCamelCase", error.Message, StringComparison.Ordinal);
    }
}
