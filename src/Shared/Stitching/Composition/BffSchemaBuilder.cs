using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>
/// Builds a host's schema from its SDL: reads every binding, checks it against the sources and their contracts,
/// and gives every field a resolver. All problems are reported together in one <see cref="BffConfigurationException"/>.
/// </summary>
public static class BffSchemaBuilder
{
    /// <summary>Builds the schema, or throws <see cref="BffConfigurationException"/> listing every problem.</summary>
    /// <param name="schemaFile">The SDL file (<c>Bff:Schema</c>), relative to <paramref name="baseDirectory"/>.</param>
    /// <param name="sources">The configured sources (<c>Bff:Sources</c>).</param>
    /// <param name="baseDirectory">Where the SDL and contracts are read from.</param>
    /// <param name="contracts">The sources' contracts.</param>
    /// <param name="protocols">The protocols the sources speak.</param>
    /// <param name="dispatcher">Where bound fields send their calls.</param>
    /// <param name="resolvers">C# resolvers added with <c>AddResolver</c>, by coordinate.</param>
    /// <param name="authorizer">Checks <c>@authorize</c>; without it, a schema that uses <c>@authorize</c> is refused.</param>
    /// <param name="clientDirectives">SDL of directives offered to clients beside the host's own (e.g. <c>@defer</c>), or <see langword="null"/>.</param>
    public static BffSchema Build(
        string schemaFile,
        IReadOnlyDictionary<string, SourceOptions> sources,
        string baseDirectory,
        ContractSet contracts,
        DownstreamProtocols protocols,
        DownstreamDispatcher dispatcher,
        IReadOnlyDictionary<string, IFieldResolver>? resolvers = null,
        Auth.FieldAuthorizer? authorizer = null,
        string? clientDirectives = null)
    {
        resolvers ??= new Dictionary<string, IFieldResolver>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>(contracts.Errors);
        ArgumentNullException.ThrowIfNull(protocols);
        var directives = BindingDirectives.NamesWith(protocols);
        var (sdl, schema) = Parse(schemaFile, baseDirectory, protocols, directives, errors, clientDirectives);
        var bindings = new List<FieldBinding>();
        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.Fields)
            {
                var fieldErrors = new List<string>();
                var binding = BindingReader.Read(type, field, protocols, fieldErrors);
                var coordinate = $"{type.Name}.{field.Name}";
                if (resolvers.TryGetValue(coordinate, out var custom))
                {
                    used.Add(coordinate);
                    field.Resolver = custom;
                    if (binding is not null)
                    {
                        fieldErrors.Add("has a binding and a C# resolver (AddResolver); keep one");
                    }
                    else if (type == schema.Subscription)
                    {
                        fieldErrors.Add("a Subscription field needs a stream, which AddResolver cannot give: bind it with @grpc to a server-streaming method");
                    }
                }
                else if (binding is not null)
                {
                    BindingChecker.Check(binding, field, type, schema, sources, contracts, protocols, fieldErrors);
                    StreamBindingChecker.Check(binding, field, type, schema, "@" + protocols.For(binding).Directive, fieldErrors);
                    bindings.Add(binding);
                    Bind(field, binding, type == schema.Subscription, sources, dispatcher);
                }
                else if (type == schema.Subscription)
                {
                    fieldErrors.Add("a Subscription field needs a stream: bind it with @grpc to a server-streaming method (rpc Watch (Request) returns (stream Event))");
                }
                else
                {
                    field.Resolver = DefaultResolver(field);
                    if (CachePolicyReader.HasCache(field))
                    {
                        fieldErrors.Add($"@cache applies to fields bound with {string.Join(" or ", protocols.All.Select(p => "@" + p.Directive))} only (it caches the downstream call)");
                    }
                }

                errors.AddRange(fieldErrors.Select(e => $"{sdl.Where($"{type.Name}.{field.Name}")}: {type.Name}.{field.Name}: {e}"));
            }
        }

        errors.AddRange(resolvers.Keys.Where(k => !used.Contains(k))
            .Select(k => $"{sdl.Path}: AddResolver(\"{k}\"): the schema has no such field."));
        Auth.AuthorizationWiring.Apply(schema, authorizer, sdl.Where, errors);
        errors.AddRange(ContractChecker.Check(schema, bindings, contracts, protocols, sdl));
        if (errors.Count > 0)
        {
            throw new BffConfigurationException(errors);
        }

        return new BffSchema(schema, bindings, sdl) { HiddenDirectives = directives };
    }

    // A Subscription field streams its events; a streamed list field collects them; any other bound field makes one call.
    private static void Bind(FieldType field, FieldBinding binding, bool subscription, IReadOnlyDictionary<string, SourceOptions> sources, DownstreamDispatcher dispatcher)
    {
        var source = sources.GetValueOrDefault(binding.Source) ?? new SourceOptions();
        if (subscription)
        {
            field.StreamResolver = new SubscriptionStreamResolver(binding, field, dispatcher, source.Streams.Resubscribe);
            field.Resolver = new SubscriptionEventResolver(binding, field);
        }
        else
        {
            field.Resolver = binding.Streams
                ? new StreamListResolver(binding, field, dispatcher, source.Timeout)
                : new BoundFieldResolver(binding, field, dispatcher, source.MaxBatchSize);
        }
    }

    /// <summary>Loads and initializes the SDL; a problem with it is thrown together with the problems already found.</summary>
    private static (SdlFile Sdl, Schema Schema) Parse(string schemaFile, string baseDirectory, DownstreamProtocols protocols, IReadOnlySet<string> directives, List<string> errors, string? clientDirectives)
    {
        if (string.IsNullOrWhiteSpace(schemaFile))
        {
            throw new BffConfigurationException([.. errors, "appsettings.json: Bff:Schema: the SDL file of the host is required (e.g. schemas/web.graphql)."]);
        }

        SdlFile sdl;
        try
        {
            sdl = SdlFile.Load(schemaFile, Path.Combine(baseDirectory, schemaFile));
        }
        catch (BffConfigurationException ex)
        {
            throw new BffConfigurationException([.. errors, .. ex.Errors]);
        }

        try
        {
            var schema = Schema.For(sdl.Text + BindingDirectives.SdlWith(protocols) + clientDirectives);
            schema.Filter = new BindingDirectiveFilter(directives);
            // GraphQL.NET refuses a subscription field without a stream resolver, with no file or line; a field that cannot
            // stream is reported like any other binding problem instead, so each gets a placeholder until it is bound.
            foreach (var field in schema.Subscription?.Fields ?? [])
            {
                field.StreamResolver = new SourceStreamResolver<object>(IObservable<object?> (_) => throw new InvalidOperationException($"{field.Name} is not bound to a stream."));
            }

            // Downstream values are JSON: an interface or union tells its object type by the __typename a remote
            // GraphQL service sends (the delegated selection asks for it).
            foreach (var type in schema.AdditionalTypeInstances.OfType<IAbstractGraphType>())
            {
                type.ResolveType ??= value => value is System.Text.Json.Nodes.JsonObject json && (string?)json["__typename"] is { } name
                    ? type.PossibleTypes.FirstOrDefault(t => t.Name == name) : null;
            }

            schema.Initialize();
            return (sdl, schema);
        }
        catch (Exception ex) when (ex is not BffConfigurationException)
        {
            throw new BffConfigurationException([.. errors, $"{sdl.Path}: {ex.Message}"]);
        }
    }

    private static JsonPropertyResolver DefaultResolver(FieldType field)
    {
        var directives = field.GetAppliedDirectives();
        var path = directives?.Find("from")?.FindArgument("path")?.Value is string from
            ? BindingArguments.SplitPath(from)
            : [field.Name];
        var truncate = directives?.Find("truncate")?.FindArgument("length")?.Value is { } length
            ? Convert.ToInt32(length, System.Globalization.CultureInfo.InvariantCulture)
            : (int?)null;
        return new JsonPropertyResolver(path, field.ResolvedType!, truncate);
    }
}
