using System.Text.Json.Nodes;
using Bff.Stitching.Execution;

namespace Bff.Tests.Stitching.Execution;

public class JsonCopyTests
{
    [Fact]
    public void A_copy_has_no_parent_and_the_same_text_with_numbers_exactly_as_received()
    {
        // Numbers as a downstream writes them: past double's precision, with a fraction of zero, with an exponent.
        var parsed = JsonNode.Parse("""[{"id":"p1","big":9007199254740993,"one":1.0,"tiny":1e-400,"nested":{"list":[1,"two",null,true,{"x":[]}]},"nothing":null}]""")!.AsArray();
        var item = parsed[0]!;

        var copy = JsonCopy.Of(item)!;
        var target = new JsonArray { copy }; // would throw if the copy still had a parent

        Assert.Same(target, copy.Parent);
        Assert.Same(parsed, item.Parent);
        Assert.Equal(item.ToJsonString(), copy.ToJsonString());
        Assert.Equal("""{"id":"p1","big":9007199254740993,"one":1.0,"tiny":1e-400,"nested":{"list":[1,"two",null,true,{"x":[]}]},"nothing":null}""", copy.ToJsonString());
    }

    [Fact]
    public void Changing_the_copy_leaves_the_original_as_it_was()
    {
        var original = JsonNode.Parse("""{"a":{"b":[1,2]},"c":"text"}""")!;

        var copy = JsonCopy.Of(original)!;
        copy["a"]!["b"]!.AsArray().Add(3);
        copy["c"] = "changed";

        Assert.Equal("""{"a":{"b":[1,2]},"c":"text"}""", original.ToJsonString());
        Assert.Equal("""{"a":{"b":[1,2,3]},"c":"changed"}""", copy.ToJsonString());
    }

    [Fact]
    public void Values_built_in_code_are_copied_too()
    {
        var built = new JsonObject { ["n"] = 42, ["s"] = "x", ["list"] = new JsonArray(1.5, "y") };

        Assert.Equal(built.ToJsonString(), JsonCopy.Of(built)!.ToJsonString());
        Assert.Null(JsonCopy.Of(null));
    }
}
