using System.Text.Json.Nodes;
using Bff.Samples.Proposals.Grpc;
using Bff.Protobuf;
using Bff.Stitching.Grpc;
using Google.Protobuf;
using Xunit;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>Checks the dynamic codec against the C# code protoc generates from the same proposals.proto.</summary>
public class GeneratedCodeCrossCheckTests
{
    private static readonly Proposal SampleProposal = new()
    {
        Id = "p-1",
        JobId = "j-1",
        FreelancerId = "f-1",
        CoverLetter = "I can do this — fast.",
        Bid = new Money { Currency = "USD", AmountCents = 125_000_000_000L },
        Status = ProposalStatus.Shortlisted,
        SubmittedAt = "2024-05-01T10:00:00Z",
        EstimatedDays = 14,
    };

    private const string SampleJson = """{"id":"p-1","job_id":"j-1","freelancer_id":"f-1","cover_letter":"I can do this — fast.","bid":{"currency":"USD","amount_cents":125000000000},"status":"PROPOSAL_STATUS_SHORTLISTED","submitted_at":"2024-05-01T10:00:00Z","estimated_days":14}""";

    [Fact]
    public void Generated_code_parses_what_we_encode_and_the_bytes_are_identical()
    {
        var json = JsonNode.Parse(SampleJson)!.AsObject();

        var bytes = ProtoCodec.Encode(ProtoTestFiles.ProposalsMessage("Proposal"), json);

        Assert.Equal(SampleProposal, Proposal.Parser.ParseFrom(bytes));
        Assert.Equal(SampleProposal.ToByteArray(), bytes);
    }

    [Fact]
    public void We_decode_what_generated_code_encodes()
    {
        var decoded = ProtoCodec.Decode(ProtoTestFiles.ProposalsMessage("Proposal"), SampleProposal.ToByteArray());

        Assert.Equal(SampleJson, ProtoTestFiles.Json(decoded));
    }

    [Fact]
    public void Repeated_messages_round_trip_through_generated_code()
    {
        var response = new ListProposalsResponse { NextPageToken = "next", TotalSize = 3 };
        response.Proposals.Add(SampleProposal);
        response.Proposals.Add(new Proposal { Id = "p-2", Status = ProposalStatus.Declined, Bid = new Money() });
        var type = ProtoTestFiles.ProposalsMessage("ListProposalsResponse");

        var decoded = ProtoCodec.Decode(type, response.ToByteArray());
        var reencoded = ProtoCodec.Encode(type, decoded);

        Assert.Equal("PROPOSAL_STATUS_DECLINED", decoded["proposals"]![1]!["status"]!.GetValue<string>());
        Assert.Equal("""{"currency":"","amount_cents":0}""", ProtoTestFiles.Json(decoded["proposals"]![1]!["bid"]));
        Assert.Equal(response, ListProposalsResponse.Parser.ParseFrom(reencoded));
    }

    [Fact]
    public void Repeated_strings_and_json_names_match_generated_code()
    {
        var expected = new BatchGetProposalsByJobRequest { JobIds = { "j-1", "j-2", string.Empty } };
        var json = JsonNode.Parse("""{"jobIds":["j-1","j-2",""]}""")!.AsObject();

        var bytes = ProtoCodec.Encode(ProtoTestFiles.ProposalsMessage("BatchGetProposalsByJobRequest"), json);

        Assert.Equal(expected.ToByteArray(), bytes);
    }

    [Fact]
    public void Request_encoding_from_camel_case_and_strings_matches_generated_code()
    {
        var expected = new SubmitProposalRequest
        {
            JobId = "j-9",
            FreelancerId = "f-9",
            Bid = new Money { Currency = "EUR", AmountCents = -1 },
            EstimatedDays = 3,
        };
        var json = JsonNode.Parse("""{"jobId":"j-9","freelancerId":"f-9","coverLetter":"","bid":{"currency":"EUR","amountCents":"-1"},"estimatedDays":"3"}""")!.AsObject();

        var bytes = ProtoCodec.Encode(ProtoTestFiles.ProposalsMethod("SubmitProposal").InputType, json);

        Assert.Equal(expected, SubmitProposalRequest.Parser.ParseFrom(bytes));
    }
}
