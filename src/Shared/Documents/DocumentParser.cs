using Bff.Operations;
using Bff.Limits;
using Bff.Observability;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Bff.Documents;

/// <summary>
/// Turns an operation's query into its document once per operation, for whoever asks first (a cost rate-limit policy or
/// execution): from the <see cref="DocumentCache"/>, else after the <c>MaxTokens</c> guard, by the parser, followed by the
/// <c>MaxSelections</c> count of its expanded fragments. Each parse is
/// counted by <see cref="BffTelemetry.DocumentsParsed"/>.
/// </summary>
public sealed class DocumentParser
{
    private readonly DocumentCache _cache;
    private readonly int _maxTokens;
    private readonly int _maxSelections;
    private readonly GraphQLDocumentBuilder _builder = new() { MaxDepth = 128 };

    /// <summary>Creates the parser.</summary>
    public DocumentParser(DocumentCache cache, LimitOptions options)
    {
        _cache = cache;
        _maxTokens = options.MaxTokens;
        _maxSelections = options.MaxSelections;
    }

    /// <summary>Gets the document of the operation's current query; a second call for the same query returns the first result.</summary>
    public ParsedDocument Parse(GraphQLOperationContext context)
    {
        var query = context.Request.Query ?? "";
        if (context.Parsed is { } parsed && string.Equals(parsed.Query, query, StringComparison.Ordinal))
        {
            return parsed.Result;
        }

        var result = Parse(query);
        context.Parsed = (query, result);
        return result;
    }

    private ParsedDocument Parse(string query)
    {
        if (_cache.Get(query) is { } cached)
        {
            return new(cached, true, null);
        }

        var tokens = _maxTokens > 0 ? TokenCounter.Count(query, _maxTokens) : 0;
        if (tokens > _maxTokens)
        {
            return new(null, false, LimitErrors.Request(ErrorCodes.MaxTokensExceeded, $"The query has more than {_maxTokens} tokens.", _maxTokens, tokens));
        }

        BffTelemetry.DocumentsParsed.Add(1);
        GraphQLDocument document;
        try
        {
            document = _builder.Build(query);
        }
        catch (Exception ex) when (ex is DocumentError or GraphQLParserException)
        {
            var message = ex is GraphQLMaxDepthExceededException ? "The document is nested too deeply." : ex.Message;
            return new(null, false, new BffError(ErrorCodes.ParseFailed, message));
        }

        var tooMany = CheckSelections(document);
        return new(tooMany is null ? document : null, false, tooMany);
    }

    // Validation and execution both expand fragment spreads; a document that multiplies them is refused before either.
    private BffError? CheckSelections(GraphQLDocument document)
    {
        var largest = SelectionCounter.Largest(document);
        if (largest is null)
        {
            return LimitErrors.Request(ErrorCodes.MaxDepthExceeded,
                $"Fields and fragment spreads are nested more than {SelectionCounter.MaxNesting} levels deep.", SelectionCounter.MaxNesting, SelectionCounter.MaxNesting + 1);
        }

        if (_maxSelections <= 0 || largest <= _maxSelections)
        {
            return null;
        }

        var shown = largest >= int.MaxValue ? $"more than {int.MaxValue}" : largest.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return LimitErrors.Request(ErrorCodes.MaxSelectionsExceeded,
            $"The operation has {shown} field selections once its fragments are expanded; the limit is {_maxSelections}.", _maxSelections, largest.Value);
    }
}
