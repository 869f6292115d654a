using System.Text.Json.Nodes;

namespace Bff.Protobuf.Tests;

public class ProtoEncodeErrorTests
{
    [Theory]
    [InlineData("ListProposalsRequest", """{"page_size":"abc"}""", "ListProposalsRequest.page_size: \"abc\" is not an int32")]
    [InlineData("ListProposalsRequest", """{"pageSize":3000000000}""", "ListProposalsRequest.page_size: 3000000000 is not an int32")]
    [InlineData("ListProposalsRequest", """{"page_size":1.5}""", "ListProposalsRequest.page_size: 1.5 is not an int32")]
    [InlineData("ListProposalsRequest", """{"page_size":[1]}""", "ListProposalsRequest.page_size: a list is not an int32")]
    [InlineData("ListProposalsRequest", """{"job_id":{"a":1}}""", "ListProposalsRequest.job_id: an object is not a string")]
    [InlineData("ListProposalsRequest", """{"pageSizee":1}""", "ListProposalsRequest.pageSizee: no such field in message marketplace.proposals.v1.ListProposalsRequest")]
    [InlineData("ListProposalsRequest", """{"page_size":1,"pageSize":2}""", "ListProposalsRequest.page_size: the field is given twice (by its proto name and its JSON name)")]
    [InlineData("SubmitProposalRequest", """{"bid":{"amount_cents":"12x"}}""", "SubmitProposalRequest.bid.amount_cents: \"12x\" is not an int64")]
    [InlineData("SubmitProposalRequest", """{"bid":"12 EUR"}""", "SubmitProposalRequest.bid: \"12 EUR\" is not an object (message marketplace.proposals.v1.Money)")]
    [InlineData("SubmitProposalRequest", """{"bid":{"cents":1}}""", "SubmitProposalRequest.bid.cents: no such field in message marketplace.proposals.v1.Money")]
    [InlineData("BatchGetProposalsByJobRequest", """{"job_ids":["a",true]}""", "BatchGetProposalsByJobRequest.job_ids[1]: true is not a string")]
    [InlineData("BatchGetProposalsByJobRequest", """{"job_ids":["a",null]}""", "BatchGetProposalsByJobRequest.job_ids[1]: null is not allowed in a repeated field")]
    [InlineData("Proposal", """{"status":"PENDING"}""", "Proposal.status: \"PENDING\" is not a value of enum marketplace.proposals.v1.ProposalStatus")]
    public void Names_the_message_and_field_path(string message, string json, string expected)
    {
        var type = ProposalsProto.ProposalsMessage(message);

        var error = Assert.Throws<ProtoEncodeException>(() => ProtoCodec.Encode(type, JsonNode.Parse(json)!.AsObject()));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("""{"text":"a","number":1}""", "Sink.number: oneof 'choice' is already set by 'text'")]
    [InlineData("""{"counts":{"a":"many"}}""", "Sink.counts[\"a\"]: \"many\" is not an int32")]
    [InlineData("""{"items_by_id":{"one":{}}}""", "Sink.items_by_id[\"one\"]: the key \"one\" is not an int64")]
    [InlineData("""{"counts":[1]}""", "Sink.counts: [1] is not an object (map<string, int32>)")]
    [InlineData("""{"items":[{"qty":1},{"qty":"x"}]}""", "Sink.items[1].qty: \"x\" is not an int32")]
    [InlineData("""{"at":"yesterday"}""", "Sink.at: \"yesterday\" is not an RFC 3339 timestamp (google.protobuf.Timestamp)")]
    [InlineData("""{"timeout":"5 minutes"}""", "Sink.timeout: \"5 minutes\" is not a duration like \"1.5s\" (google.protobuf.Duration)")]
    [InlineData("""{"big":"lots"}""", "Sink.big.value: \"lots\" is not an int64")]
    [InlineData("""{"scalars":{"f_uint32":-1}}""", "Sink.scalars.f_uint32: -1 is not a uint32")]
    [InlineData("""{"scalars":{"f_float":1e39}}""", "Sink.scalars.f_float: 1e39 is not a float")]
    [InlineData("""{"scalars":{"f_bytes":"not base64!"}}""", "Sink.scalars.f_bytes: \"not base64!\" is not base64 bytes")]
    [InlineData("""{"scalars":{"f_bool":"yes"}}""", "Sink.scalars.f_bool: \"yes\" is not a bool")]
    [InlineData("""{"extra":[1]}""", "Sink.extra: [1] is not an object (google.protobuf.Struct)")]
    public void Names_the_path_through_maps_lists_oneofs_and_well_known_types(string json, string expected)
    {
        var error = Assert.Throws<ProtoEncodeException>(() => ProtoCodec.Encode(KitchenSinkProto.Sink, JsonNode.Parse(json)!.AsObject()));

        Assert.Equal(expected, error.Message);
    }
}
