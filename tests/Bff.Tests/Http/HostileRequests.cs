using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Http;

/// <summary>The hostile request table: JWT attacks, every limit just over and at its value, malformed requests.</summary>
public static class HostileRequests
{
    public static readonly IReadOnlyList<HostileCase> All = Build();

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        foreach (var attack in AttackTokens.All)
        {
            cases.Add(new($"jwt {attack}", c => WithToken(Post("{ __typename }"), AttackTokens.Make(attack, c.Demo)), _ => (401, "UNAUTHENTICATED"), Stage: HostileStage.Transport));
        }

        cases.Add(new("authorization basic", _ => WithHeader(Post("{ __typename }"), "Authorization", "Basic dXNlcjpwYXNz"), _ => (401, "UNAUTHENTICATED"), Stage: HostileStage.Transport));
        cases.Add(new("authorization empty bearer", _ => WithHeader(Post("{ __typename }"), "Authorization", "Bearer "), _ => (401, "UNAUTHENTICATED"), Stage: HostileStage.Transport));
        cases.Add(new("token in query string", c => Get("{ __typename }", "&access_token=" + c.Demo.Token()), _ => (400, "BAD_REQUEST"), Stage: HostileStage.Transport));

        cases.Add(new("depth over", c => Post(Nested(c.Options.Limits.MaxDepth + 1)), _ => (400, "MAX_DEPTH_EXCEEDED")));
        cases.Add(new("depth at limit", c => Post(Nested(c.Options.Limits.MaxDepth)), _ => (400, "!MAX_DEPTH_EXCEEDED")));
        cases.Add(new("aliases over", c => Post(Aliases(c.Options.Limits.MaxAliases + 1)), _ => (400, "MAX_ALIASES_EXCEEDED")));
        cases.Add(new("aliases at limit", c => Post(Aliases(c.Options.Limits.MaxAliases)), _ => (200, null)));
        cases.Add(new("tokens over", c => Post(Tokens(c.Options.Limits.MaxTokens + 1), operationName: "Q0"), _ => (400, "MAX_TOKENS_EXCEEDED")));
        cases.Add(new("tokens at limit", c => Post(Tokens(c.Options.Limits.MaxTokens), operationName: "Q0"), _ => (200, null)));
        cases.Add(new("cost over", c => Post(Cost(c, c.Options.Limits.MaxCost + 1)), _ => (400, "MAX_COST_EXCEEDED")));
        cases.Add(new("cost at limit", c => Post(Cost(c, c.Options.Limits.MaxCost)), _ => (200, null), Refused: false));
        cases.Add(new("variables over", c => Post("{ __typename }", Padding(c.Options.Limits.MaxVariablesBytes + 1)), _ => (400, "VARIABLES_TOO_LARGE")));
        cases.Add(new("variables at limit", c => Post("{ __typename }", Padding(c.Options.Limits.MaxVariablesBytes)), _ => (200, null)));
        cases.Add(new("batch over", c => Batch(c.Options.Http.MaxBatchOperations + 1), _ => (400, "MAX_BATCH_OPERATIONS_EXCEEDED"), Stage: HostileStage.Transport));
        cases.Add(new("batch at limit", c => Batch(c.Options.Http.MaxBatchOperations), _ => (200, null)));
        cases.Add(new("body over", c => Post("{ __typename " + new string(' ', (int)c.Options.Http.MaxRequestBodyBytes) + "}"), _ => (413, "PAYLOAD_TOO_LARGE"), Stage: HostileStage.Transport));

        cases.Add(new("introspection in production", _ => Post("{ __schema { queryType { name } } }"), c => c.IsMobile ? (400, "INTROSPECTION_DISABLED") : (200, null)));
        cases.Add(new("introspection type in production", _ => Post("{ __type(name: \"Query\") { name } }"), c => c.IsMobile ? (400, "INTROSPECTION_DISABLED") : (200, null)));
        cases.Add(new("introspection lists too deep", _ => Post("{ __schema { types { fields { args { type { fields { name } } } } } } }"),
            c => c.IsMobile ? (400, "INTROSPECTION_DISABLED") : (400, "MAX_DEPTH_EXCEEDED")));

        cases.Add(new("fragment cycle", _ => Post("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), _ => (400, "GRAPHQL_VALIDATION_FAILED")));
        cases.Add(new("fragment alias bomb", _ => Post(AliasBomb(8)), _ => (400, "MAX_ALIASES_EXCEEDED")));
        foreach (var levels in new[] { 20, 30, 60 })
        {
            cases.Add(new($"fragment spreads doubling {levels} levels", _ => Post(FragmentBombs.Spreads(levels)), _ => (400, "MAX_SELECTIONS_EXCEEDED")));
        }

        cases.Add(new("inline fragments doubling 30 levels", _ => Post(FragmentBombs.InlineFragments(30)), _ => (400, "MAX_SELECTIONS_EXCEEDED")));
        cases.Add(new("merged fields doubling 30 levels", _ => Post(FragmentBombs.MergedFields(30)), _ => (400, "MAX_SELECTIONS_EXCEEDED")));
        cases.Add(new("selections over", c => Post(Selections(c.Options.Limits.MaxSelections + 1)), _ => (400, "MAX_SELECTIONS_EXCEEDED")));
        cases.Add(new("selections at limit", c => Post(Selections(c.Options.Limits.MaxSelections)), _ => (200, null)));
        cases.Add(new("unknown operation name", _ => Post("query A { __typename }", operationName: "B"), _ => (400, "OPERATION_NOT_FOUND")));
        cases.Add(new("no operation name with two operations", _ => Post("query A { __typename } query B { __typename }"), _ => (400, "OPERATION_NOT_FOUND")));
        cases.Add(new("text/plain post", _ => Raw("{\"query\":\"{ __typename }\"}", "text/plain"), _ => (415, "UNSUPPORTED_MEDIA_TYPE"), Stage: HostileStage.Transport));
        cases.Add(new("form post", _ => Raw("query=%7B__typename%7D", "application/x-www-form-urlencoded"), _ => (415, "UNSUPPORTED_MEDIA_TYPE"), Stage: HostileStage.Transport));
        cases.Add(new("multipart post", _ => Raw("--x\r\n\r\n{}\r\n--x--", "multipart/form-data; boundary=x"), _ => (415, "UNSUPPORTED_MEDIA_TYPE"), Stage: HostileStage.Transport));
        cases.Add(new("invalid json", _ => Raw("{ \"query\": ", "application/json"), _ => (400, "BAD_REQUEST"), Stage: HostileStage.Transport));
        cases.Add(new("variables not an object", _ => Raw("{\"query\":\"{ __typename }\",\"variables\":\"x\"}", "application/json"), _ => (400, "BAD_REQUEST"), Stage: HostileStage.Transport));
        cases.Add(new("invalid variables", _ => Post("query ($id: ID!) { profile(id: $id) { id } }", new JsonObject { ["id"] = new JsonObject() }), _ => (400, "BAD_USER_INPUT")));
        cases.Add(new("missing required variable", _ => Post("query ($id: ID!) { profile(id: $id) { id } }"), _ => (400, "BAD_USER_INPUT")));
        cases.Add(new("mutation over get", _ => Get("mutation { __typename }"), _ => (405, "METHOD_NOT_ALLOWED")));
        cases.Add(new("parse error", _ => Post("{ __typename "), _ => (400, "GRAPHQL_PARSE_FAILED")));
        cases.Add(new("parser nesting bomb", _ => Post("{" + string.Concat(Enumerable.Repeat("a {", 300)) + "b" + new string('}', 301)), _ => (400, "GRAPHQL_PARSE_FAILED")));
        cases.Add(new("unknown field", _ => Post("{ noSuchField }"), _ => (400, "GRAPHQL_VALIDATION_FAILED")));
        cases.Add(new("empty query", _ => Raw("{\"query\":\"\"}", "application/json"), _ => (400, "BAD_REQUEST")));
        cases.Add(new("put", _ => new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") }, _ => (405, "METHOD_NOT_ALLOWED"), Stage: HostileStage.Transport));
        cases.Add(new("accept xml", _ => WithAccept(Post("{ __typename }"), "application/xml"), _ => (406, "NOT_ACCEPTABLE"), Stage: HostileStage.Transport));
        cases.Add(new("protected field anonymous", _ => Post("{ me { id } }"), _ => (200, "UNAUTHENTICATED")));
        cases.Add(new("protected field without scope", c => WithToken(Post("{ myProposals { totalCount } }"), c.Demo.Token("p3")), _ => (200, "FORBIDDEN")));
        cases.Add(new("page size over range", c => Post(c.IsMobile ? "{ jobFeed(first: 500) { total } }" : "{ jobs(first: 500) { totalCount } }"), _ => (200, "BAD_USER_INPUT")));
        return cases;
    }

    private static string Nested(int depth) =>
        "{ " + string.Concat(Enumerable.Range(1, depth - 1).Select(i => $"f{i} {{ ")) + "x" + new string('}', depth - 1) + " }";

    private static string Aliases(int count) => "{ " + string.Join(' ', Enumerable.Range(1, count).Select(i => $"a{i}: __typename")) + " }";

    /// <summary>Exactly <paramref name="tokens"/> tokens: operations of 5 tokens each, padded with fields of the first.</summary>
    private static string Tokens(int tokens)
    {
        var operations = (tokens / 5) - 1;
        var padding = tokens - (5 * (operations + 1));
        var first = "query Q0 { __typename" + string.Concat(Enumerable.Repeat(" __typename", padding)) + " }";
        return first + string.Concat(Enumerable.Range(1, operations).Select(i => $" query Q{i} {{ __typename }}"));
    }

    private static string Selections(int count) => "{ ...F } fragment F on Query { " + string.Concat(Enumerable.Repeat("__typename ", count)) + "}";

    private static string AliasBomb(int levels)
    {
        var text = new StringBuilder($"{{ ...F{levels} }} fragment F0 on Query {{ x: __typename }}");
        for (var i = 1; i <= levels; i++)
        {
            text.Append($" fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}");
        }

        return text.ToString();
    }

    /// <summary>A valid operation whose static cost is exactly <paramref name="target"/>.</summary>
    private static string Cost(HostileContext c, int target)
    {
        var (root, list, max) = c.IsMobile ? ("jobFeed", "items", 20) : ("jobs", "nodes", 100);
        var heavy = 11 + (3 * max);
        var light = 11 + max;
        for (var k = target / heavy; k >= 0; k--)
        {
            for (var m = 0; m <= 4; m++)
            {
                var rest = target - (k * heavy) - (m * light);
                if (rest >= 12 && rest <= light)
                {
                    var fields = Enumerable.Range(0, k).Select(i => $"h{i}: {root}(first: {max}) {{ {list} {{ client {{ id }} }} }}")
                        .Concat(Enumerable.Range(0, m).Select(i => $"l{i}: {root}(first: {max}) {{ {list} {{ id }} }}"))
                        .Append($"r: {root}(first: {rest - 11}) {{ {list} {{ id }} }}");
                    return "{ " + string.Join(' ', fields) + " }";
                }
            }
        }

        throw new InvalidOperationException($"No operation of cost {target}.");
    }

    private static JsonObject Padding(int bytes) => new() { ["pad"] = new string('x', bytes - "{\"pad\":\"\"}".Length) };

    private static HttpRequestMessage Post(string query, JsonObject? variables = null, string? operationName = null)
    {
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = variables;
        }

        if (operationName is not null)
        {
            payload["operationName"] = operationName;
        }

        return Raw(payload.ToJsonString(), "application/json");
    }

    private static HttpRequestMessage Batch(int count) =>
        Raw("[" + string.Join(',', Enumerable.Repeat("{\"query\":\"{ __typename }\"}", count)) + "]", "application/json");

    private static HttpRequestMessage Get(string query, string extra = "") =>
        WithAccept(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query) + extra), "application/graphql-response+json");

    private static HttpRequestMessage Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return WithAccept(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content }, "application/graphql-response+json");
    }

    private static HttpRequestMessage WithAccept(HttpRequestMessage request, string accept)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
