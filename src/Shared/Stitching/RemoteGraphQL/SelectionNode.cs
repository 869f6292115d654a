using System.Text;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>One field of the remote operation Bff sends, with its arguments (as variables) and sub-fields.</summary>
internal sealed class SelectionNode(string name)
{
    private readonly List<SelectionNode> _children = [];

    public string Name { get; } = name;

    /// <summary>Gets the arguments, each passed as a variable: argument name and variable name.</summary>
    public List<(string Argument, string Variable)> Arguments { get; } = [];

    public bool HasChildren => _children.Count > 0;

    /// <summary>Gets the sub-field <paramref name="name"/>, adding it the first time (a field is sent once).</summary>
    public SelectionNode Child(string name)
    {
        var child = _children.Find(c => c.Name == name);
        if (child is null)
        {
            _children.Add(child = new SelectionNode(name));
        }

        return child;
    }

    public void Write(StringBuilder text)
    {
        text.Append(Name);
        if (Arguments.Count > 0)
        {
            text.Append('(').AppendJoin(", ", Arguments.Select(a => $"{a.Argument}: ${a.Variable}")).Append(')');
        }

        if (_children.Count > 0)
        {
            text.Append(" {");
            foreach (var child in _children)
            {
                text.Append(' ');
                child.Write(text);
            }

            text.Append(" }");
        }
    }
}
