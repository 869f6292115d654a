using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Stitching;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.PersistedQueries;

/// <summary>
/// The operations of a host's trusted-document manifests, by id and by exact text. Loaded at start-up: every document
/// must parse and validate against the host's schema, or the host does not start.
/// </summary>
public sealed class TrustedDocumentSet
{
    private readonly Dictionary<string, string> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _bodies = new(StringComparer.Ordinal);

    /// <summary>Gets the number of trusted operations.</summary>
    public int Count => _byId.Count;

    /// <summary>Gets the document of <paramref name="id"/>, if trusted.</summary>
    public bool TryGet(string id, out string body) => _byId.TryGetValue(id, out body!);

    /// <summary>Returns whether <paramref name="body"/> is exactly a trusted document.</summary>
    public bool Contains(string body) => _bodies.Contains(body);

    /// <summary>Loads and checks the manifests; throws <see cref="BffConfigurationException"/> listing every problem.</summary>
    public static TrustedDocumentSet Load(IEnumerable<string> manifests, string baseDirectory, ISchema schema)
    {
        var set = new TrustedDocumentSet();
        var errors = new List<string>();
        foreach (var manifest in manifests)
        {
            var path = Path.Combine(baseDirectory, manifest);
            if (!File.Exists(path))
            {
                errors.Add($"Bff:TrustedDocuments:Manifests: file '{manifest}' not found (looked at {path}).");
                continue;
            }

            try
            {
                foreach (var (id, name, body) in Read(JsonNode.Parse(File.ReadAllText(path))))
                {
                    var problem = Check(schema, body);
                    if (problem is not null)
                    {
                        errors.Add($"{manifest}: operation {name ?? id}: {problem}");
                        continue;
                    }

                    set._byId[id] = body;
                    set._bodies.Add(body);
                }
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                errors.Add($"{manifest}: not a trusted-document manifest ({ex.Message}).");
            }
        }

        return errors.Count > 0 ? throw new BffConfigurationException(errors) : set;
    }

    private static IEnumerable<(string Id, string? Name, string Body)> Read(JsonNode? root)
    {
        if (root is JsonObject { } apollo && apollo["format"] is not null)
        {
            if ((string?)apollo["format"] != "apollo-persisted-query-manifest" || (int?)apollo["version"] != 1)
            {
                throw new FormatException("expected format 'apollo-persisted-query-manifest', version 1");
            }

            foreach (var operation in apollo["operations"]?.AsArray() ?? [])
            {
                if (operation is not JsonObject entry)
                {
                    throw new FormatException("an operation is not an object");
                }

                yield return ((string?)entry["id"] ?? throw new FormatException("an operation has no 'id'"),
                    (string?)entry["name"], (string?)entry["body"] ?? throw new FormatException("an operation has no 'body'"));
            }

            yield break;
        }

        foreach (var (id, body) in root as JsonObject ?? throw new FormatException("expected a JSON object"))
        {
            yield return (id, null, body?.GetValueKind() == JsonValueKind.String ? (string)body! : throw new FormatException($"'{id}' is not a string"));
        }
    }

    private static string? Check(ISchema schema, string body)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(body);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            return "does not parse: " + ex.Description;
        }

        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var result = new DocumentValidator().ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = DocumentValidator.CoreRules,
                Variables = Inputs.Empty,
                Extensions = Inputs.Empty,
                UserContext = new Dictionary<string, object?>(),
            }).GetAwaiter().GetResult();
            var error = result.Errors.FirstOrDefault(e => e is not InvalidVariableError);
            if (error is not null)
            {
                return "is not valid against the schema: " + error.Message;
            }
        }

        return null;
    }
}
