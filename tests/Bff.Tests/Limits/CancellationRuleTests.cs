using Bff.Limits;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Tests.Limits;

public sealed class CancellationRuleTests
{
    private static readonly ISchema Schema = BuildSchema();

    [Fact]
    public async Task Validation_stops_when_the_request_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ValidateAsync("{ a }", cancelled.Token));
    }

    [Fact]
    public async Task Validation_runs_as_usual_otherwise()
    {
        using var live = new CancellationTokenSource();

        var result = await ValidateAsync("{ a }", live.Token);

        Assert.True(result.IsValid);
    }

    private static Task<IValidationResult> ValidateAsync(string query, CancellationToken cancellationToken)
    {
        var document = new GraphQLDocumentBuilder().Build(query);
        return new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema,
            Document = document,
            Rules = [new CancellationRule()],
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            UserContext = new Dictionary<string, object?>(),
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            CancellationToken = cancellationToken,
        });
    }

    private static ISchema BuildSchema()
    {
        var schema = GraphQL.Types.Schema.For("type Query { a: String }");
        schema.Initialize();
        return schema;
    }
}
