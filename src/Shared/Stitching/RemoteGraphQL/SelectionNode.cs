using System.Text;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>One field of the remote operation Bff sends, with its arguments (as variables) and sub-fields.</summary>
internal sealed class SelectionNode(string name)
{
    private readonly List<SelectionNode> _children = [];

    public string Name { get; } = name;

    /// <summary>Gets or sets the alias the field is sent under (merged calls), or <see langword="null"/>.</summary>
    public string? Alias { get; init; }

    /// <summary>Gets the arguments, each passed as a variable: argument name and variable name.</summary>
    public List<(string Argument, string Variable)> Arguments { get; } = [];

    /// <summary>Gets whether the node is an inline fragment (<c>... on {Name}</c>) rather than a field.</summary>
    public bool IsFragment { get; private init; }

    public bool HasChildren => _children.Count > 0;

    /// <summary>Gets the inline fragment on <paramref name="typeName"/> below this node, adding it the first time.</summary>
    public SelectionNode Fragment(string typeName)
    {
        var fragment = _children.Find(c => c.IsFragment && c.Name == typeName);
        if (fragment is null)
        {
            _children.Add(fragment = new SelectionNode(typeName) { IsFragment = true });
        }

        return fragment;
    }

    /// <summary>Gets the sub-field <paramref name="name"/>, adding it the first time (a field is sent once).</summary>
    public SelectionNode Child(string name)
    {
        var child = _children.Find(c => !c.IsFragment && c.Name == name);
        if (child is null)
        {
            _children.Add(child = new SelectionNode(name));
        }

        return child;
    }

    public void Write(StringBuilder text)
    {
        text.Append(IsFragment ? "... on " : Alias is null ? "" : Alias + ": ").Append(Name);
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
