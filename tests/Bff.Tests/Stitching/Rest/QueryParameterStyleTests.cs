using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Rest;

namespace Bff.Tests.Stitching.Rest;

/// <summary>Every OpenAPI style and explode combination, against the examples of OpenAPI 3.1.1 "Style Examples".</summary>
public sealed class QueryParameterStyleTests
{
    private const string List = """["blue","black","brown"]""";
    private const string Object = """{"R":100,"G":200,"B":150}""";

    [Theory]
    [InlineData("form", true, "\"blue\"", "color=blue")]
    [InlineData("form", false, "\"blue\"", "color=blue")]
    [InlineData("form", true, List, "color=blue&color=black&color=brown")]
    [InlineData("form", false, List, "color=blue,black,brown")]
    [InlineData("form", true, Object, "R=100&G=200&B=150")]
    [InlineData("form", false, Object, "color=R,100,G,200,B,150")]
    [InlineData("spaceDelimited", false, List, "color=blue%20black%20brown")]
    [InlineData("spaceDelimited", true, List, "color=blue&color=black&color=brown")]
    [InlineData("spaceDelimited", false, Object, "color=R%20100%20G%20200%20B%20150")]
    [InlineData("pipeDelimited", false, List, "color=blue%7Cblack%7Cbrown")]
    [InlineData("pipeDelimited", true, List, "color=blue&color=black&color=brown")]
    [InlineData("pipeDelimited", false, Object, "color=R%7C100%7CG%7C200%7CB%7C150")]
    [InlineData("deepObject", true, Object, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150")]
    [InlineData("form", false, "[]", "color=")]
    [InlineData("form", true, "[]", "")]
    [InlineData("form", true, "true", "color=true")]
    [InlineData(null, false, List, "color=blue,black,brown")]
    public void Query_parameters_follow_style_and_explode(string? style, bool explode, string json, string expected) =>
        Assert.Equal(expected, string.Join('&', QueryParameterStyle.Query("color", JsonNode.Parse(json), new ParameterSerialization(style, explode, "color"))));

    [Fact]
    public void Names_and_values_are_percent_encoded_so_they_stay_data()
    {
        var pairs = QueryParameterStyle.Query("q&x", JsonNode.Parse("""["a,b","c&d=e"]"""), new ParameterSerialization("form", false, "q&x"));

        Assert.Equal("q%26x=a%2Cb,c%26d%3De", Assert.Single(pairs));
    }

    [Fact]
    public void A_null_value_leaves_the_parameter_out() =>
        Assert.Empty(QueryParameterStyle.Query("color", null, new ParameterSerialization("form", true, "color")));

    [Theory]
    [InlineData("simple", false, "\"blue\"", "blue")]
    [InlineData("simple", false, List, "blue,black,brown")]
    [InlineData("simple", true, List, "blue,black,brown")]
    [InlineData("simple", false, Object, "R,100,G,200,B,150")]
    [InlineData("simple", true, Object, "R=100,G=200,B=150")]
    [InlineData("label", false, List, ".blue,black,brown")]
    [InlineData("label", true, List, ".blue.black.brown")]
    [InlineData("matrix", false, List, ";color=blue,black,brown")]
    [InlineData("matrix", true, List, ";color=blue;color=black;color=brown")]
    [InlineData("matrix", true, Object, ";R=100;G=200;B=150")]
    [InlineData(null, false, "\"a/b\"", "a%2Fb")]
    public void Path_parameters_follow_style_and_explode(string? style, bool explode, string json, string expected) =>
        Assert.Equal(expected, QueryParameterStyle.Path(JsonNode.Parse(json), new ParameterSerialization(style, explode, "color"), "{args.color}"));

    [Theory]
    [InlineData("[\"..\"]")]
    [InlineData("[]")]
    [InlineData("\".\"")]
    public void A_path_value_that_is_no_segment_is_refused(string json)
    {
        var error = Assert.Throws<BffError>(() => QueryParameterStyle.Path(JsonNode.Parse(json), new ParameterSerialization("simple", false, "id"), "{args.id}"));

        Assert.Equal("BAD_USER_INPUT", error.Code);
    }
}
