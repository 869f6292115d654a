using GraphQLParser.AST;

namespace Bff.Operations;

/// <summary>The document of one operation's query, or the error that refuses it.</summary>
/// <param name="Document">The parsed document, or <see langword="null"/> when refused.</param>
/// <param name="FromCache">Whether the document came from the document cache (already validated).</param>
/// <param name="Error">Why the query has no document (<c>MAX_TOKENS_EXCEEDED</c>, <c>GRAPHQL_PARSE_FAILED</c>, <c>MAX_SELECTIONS_EXCEEDED</c>).</param>
public sealed record ParsedDocument(GraphQLDocument? Document, bool FromCache, BffError? Error);
