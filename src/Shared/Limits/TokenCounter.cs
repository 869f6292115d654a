using GraphQLParser;

namespace Bff.Limits;

/// <summary>Counts the lexical tokens of a query before it is parsed, stopping as soon as a limit is passed.</summary>
internal static class TokenCounter
{
    /// <summary>Counts tokens (comments excluded) up to <paramref name="stopAfter"/> + 1; a lexing error ends the count (the parser reports it).</summary>
    public static int Count(string query, int stopAfter)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (count <= stopAfter)
            {
                var token = Lexer.Lex(query, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                if (token.Kind != TokenKind.COMMENT)
                {
                    count++;
                }

                position = token.End;
            }
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
        }

        return count;
    }
}
