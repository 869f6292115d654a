using Microsoft.OpenApi;

namespace Bff.Stitching.Contracts;

/// <summary>
/// A REST source's OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1; JSON or YAML; <c>$ref</c>s into other files), read
/// with <c>Microsoft.OpenApi</c> and reduced to what bindings are checked against: operations, parameters with their
/// serialisation, request and response schemas as <see cref="ContractShape"/>s.
/// </summary>
public sealed class OpenApiContract
{
    private OpenApiContract(string file) => File = file;

    /// <summary>Gets the contract file, as configured.</summary>
    public string File { get; }

    /// <summary>Gets the operations of the document.</summary>
    public List<OpenApiOperation> Operations { get; } = [];

    /// <summary>Gets what the reader ignored (fields it does not know), each naming the file, for the start-up log.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Loads an OpenAPI document; problems are added to <paramref name="errors"/>, never thrown.</summary>
    /// <param name="displayPath">The file as configured, for messages.</param>
    /// <param name="fullPath">The file's full path; relative <c>$ref</c>s are resolved against it.</param>
    /// <param name="errors">Where problems are added, each naming the file and the JSON pointer or line.</param>
    public static OpenApiContract? Load(string displayPath, string fullPath, ICollection<string> errors)
    {
        var files = new OpenApiFileLoader();
        var contract = new OpenApiContract(displayPath);
        if (OpenApiDocumentReader.Read(displayPath, fullPath, errors, files, contract.Warnings) is not { } document)
        {
            return null;
        }

        var found = new List<string>();
        var shapes = new OpenApiShapes(displayPath, fullPath, files, found);
        foreach (var (path, item) in document.Paths ?? [])
        {
            var at = "#/paths/" + OpenApiPointer.Escape(path);
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var reader = new OpenApiOperationReader(shapes, $"{at}/{method.Method.ToLowerInvariant()}");
                contract.Operations.Add(reader.Read(method.Method, path, item, operation, OpenApiSecurity.Read(document, operation)));
            }
        }

        foreach (var error in found)
        {
            errors.Add(error);
        }

        return found.Count == 0 ? contract : null;
    }

    /// <summary>Finds the operation a binding's method and path (variables as <c>{}</c>) refer to.</summary>
    public OpenApiOperation? Find(string method, string pathShape) =>
        Operations.FirstOrDefault(o => o.Method == method && o.PathShape == pathShape.TrimEnd('/'));
}
