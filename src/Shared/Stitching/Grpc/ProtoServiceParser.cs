namespace Bff.Stitching.Grpc;

/// <summary>Parses <c>service</c> blocks and their <c>rpc</c> methods.</summary>
internal static class ProtoServiceParser
{
    /// <summary>Parses <c>service Name { rpc ... }</c>.</summary>
    public static ProtoService ParseService(ProtoTokenReader reader, ProtoFile file)
    {
        var keyword = reader.Expect("service");
        var name = reader.ExpectIdentifier("service name");
        var service = new ProtoService(name.Text, file.FileName, name.Line, name.Column);
        reader.Expect('{');
        while (!reader.Accept('}'))
        {
            var token = reader.Current;
            if (reader.AtEnd)
            {
                throw reader.Error(keyword, $"service '{name.Text}' is not closed with '}}'");
            }

            if (reader.Accept(';'))
            {
                continue;
            }

            if (token.IsWord("option"))
            {
                ProtoOptions.ParseStatement(reader);
            }
            else if (token.IsWord("rpc"))
            {
                var method = ParseMethod(reader, service);
                if (!service.AddMethod(method))
                {
                    throw reader.Error(token, $"method '{method.Name}' is already declared in service '{name.Text}'");
                }
            }
            else
            {
                throw reader.Error(token, $"expected 'rpc', 'option' or '}}' in service '{name.Text}' but found {token.Display}");
            }
        }

        return service;
    }

    private static ProtoMethod ParseMethod(ProtoTokenReader reader, ProtoService service)
    {
        reader.Expect("rpc");
        var name = reader.ExpectIdentifier("method name");
        var (clientStreaming, input) = ParseMessageType(reader, "request type");
        reader.Expect("returns");
        var (serverStreaming, output) = ParseMessageType(reader, "response type");
        var method = new ProtoMethod(service, name.Text, input, output, name.Line, name.Column)
        {
            ClientStreaming = clientStreaming,
            ServerStreaming = serverStreaming,
        };
        if (reader.Accept(';'))
        {
            return method;
        }

        if (!reader.Current.IsSymbol('{'))
        {
            throw reader.Error(reader.Current, $"expected ';' or '{{' after rpc '{name.Text}' but found {reader.Current.Display}");
        }

        var open = reader.Next();
        while (!reader.Accept('}'))
        {
            var token = reader.Current;
            if (reader.AtEnd)
            {
                throw reader.Error(open, $"the body of rpc '{name.Text}' is not closed with '}}'");
            }

            if (reader.Accept(';'))
            {
                continue;
            }

            if (!token.IsWord("option"))
            {
                throw reader.Error(token, $"expected 'option' or '}}' in rpc '{name.Text}' but found {token.Display}");
            }

            var (option, value, valueToken) = ProtoOptions.ParseStatement(reader);
            if (option == "idempotency_level")
            {
                method.IdempotencyLevel = value switch
                {
                    "NO_SIDE_EFFECTS" => ProtoIdempotencyLevel.NoSideEffects,
                    "IDEMPOTENT" => ProtoIdempotencyLevel.Idempotent,
                    "IDEMPOTENCY_UNKNOWN" => ProtoIdempotencyLevel.Unknown,
                    _ => throw reader.Error(valueToken, $"unknown idempotency_level '{value}': expected NO_SIDE_EFFECTS, IDEMPOTENT or IDEMPOTENCY_UNKNOWN"),
                };
            }
        }

        return method;
    }

    private static (bool Streaming, string TypeName) ParseMessageType(ProtoTokenReader reader, string what)
    {
        reader.Expect('(');
        var next = reader.PeekAhead(1);
        var streaming = reader.Current.IsWord("stream") && (next.Kind == ProtoTokenKind.Identifier || next.IsSymbol('.'));
        if (streaming)
        {
            reader.Next();
        }

        var typeName = reader.ExpectFullIdentifier(what, allowLeadingDot: true);
        reader.Expect(')');
        return (streaming, typeName);
    }
}
