using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Bff.Stitching.Composition;

/// <summary>An SDL file and where each field is declared in it, so start-up errors can name file and line.</summary>
public sealed class SdlFile
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private SdlFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>Gets the path of the file, as configured.</summary>
    public string Path { get; }

    /// <summary>Gets the file's text.</summary>
    public string Text { get; }

    /// <summary>Reads and parses <paramref name="fullPath"/>; syntax errors become <see cref="BffConfigurationException"/>.</summary>
    public static SdlFile Load(string displayPath, string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            throw new BffConfigurationException([$"{displayPath}: schema file not found (looked at {fullPath})."]);
        }

        var file = new SdlFile(displayPath, File.ReadAllText(fullPath));
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(file.Text);
        }
        catch (GraphQLParserException ex)
        {
            throw new BffConfigurationException([$"{displayPath}:{ex.Location.Line}:{ex.Location.Column}: {ex.Description}"]);
        }

        foreach (var definition in document.Definitions.OfType<IHasFieldsDefinitionNode>())
        {
            var typeName = ((INamedNode)definition).Name.StringValue;
            foreach (var field in definition.Fields?.Items ?? [])
            {
                file._lines[$"{typeName}.{field.Name.StringValue}"] = file.LineOf(field.Location.Start);
            }

            file._lines.TryAdd(typeName, file.LineOf(((ASTNode)definition).Location.Start));
        }

        return file;
    }

    /// <summary>Gets <c>file:line</c> for a coordinate (<c>Type.field</c> or <c>Type</c>).</summary>
    public string Where(string coordinate) =>
        _lines.TryGetValue(coordinate, out var line) ? $"{Path}:{line}" : Path;

    private int LineOf(int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
