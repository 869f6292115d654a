using System.Reflection;
using System.Reflection.Emit;

namespace Bff.Tests.Architecture;

/// <summary>
/// The namespace dependency graph of a compiled assembly: namespace A depends on B when a type of A (its base type,
/// interfaces, members' signatures, attributes, or any type, method or field its IL names) is declared in B.
/// Nested and compiler-generated types count for the namespace of their outermost type.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly Assembly _assembly;

    private NamespaceGraph(Assembly assembly) => _assembly = assembly;

    /// <summary>Gets the edges, by namespace, to the other namespaces of the same assembly it uses.</summary>
    public SortedDictionary<string, SortedSet<string>> Edges { get; } = new(StringComparer.Ordinal);

    public static NamespaceGraph Of(Assembly assembly)
    {
        var graph = new NamespaceGraph(assembly);
        foreach (var type in assembly.GetTypes())
        {
            if (NamespaceOf(type) is { } from)
            {
                graph.Edges.TryAdd(from, new SortedSet<string>(StringComparer.Ordinal));
                foreach (var used in graph.TypesUsedBy(type))
                {
                    graph.Add(from, used);
                }
            }
        }

        return graph;
    }

    /// <summary>Gets the strongly connected components of more than one namespace (Tarjan): each is one cycle or several.</summary>
    public List<List<string>> Components()
    {
        var components = new List<List<string>>();
        Tarjan(components.Add);
        return components;
    }

    /// <summary>Gets one cycle per strongly connected component of more than one namespace, each as a path.</summary>
    public List<List<string>> Cycles()
    {
        var cycles = new List<List<string>>();
        Tarjan(component => cycles.Add(PathThrough(component)));
        return cycles;
    }

    private void Tarjan(Action<List<string>> found)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in Edges.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) { low[v] = Math.Min(low[v], index[w]); }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do { w = stack.Pop(); component.Add(w); } while (w != v);
                if (component.Count > 1) { found(component); }
            }
        }

        foreach (var v in Edges.Keys.Where(v => !index.ContainsKey(v)).ToList()) { Visit(v); }
    }

    // A shortest cycle through the component's first member (breadth-first), so the message names real edges.
    private List<string> PathThrough(List<string> component)
    {
        var members = component.ToHashSet();
        var start = component.Min(StringComparer.Ordinal)!;
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in Edges[v].Where(members.Contains))
            {
                if (w == start)
                {
                    var path = new List<string> { start };
                    for (var at = v; at != start; at = previous[at]) { path.Insert(1, at); }
                    path.Add(start);
                    return path;
                }

                if (previous.TryAdd(w, v)) { queue.Enqueue(w); }
            }
        }

        return component;
    }

    private void Add(string from, Type? used)
    {
        if (used is null) { return; }
        if (used.HasElementType) { Add(from, used.GetElementType()); return; }
        if (used.IsGenericType && !used.IsGenericTypeDefinition)
        {
            foreach (var argument in used.GetGenericArguments()) { Add(from, argument); }
            used = used.GetGenericTypeDefinition();
        }

        if (used.IsGenericParameter || used.Assembly != _assembly || NamespaceOf(used) is not { } to || to == from) { return; }
        Edges[from].Add(to);
    }

    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer) { type = outer; }
        return string.IsNullOrEmpty(type.Namespace) || type.Name.StartsWith('<') || type.Namespace.StartsWith("System.", StringComparison.Ordinal)
            ? null : type.Namespace;
    }

    private IEnumerable<Type?> TypesUsedBy(Type type)
    {
        yield return type.BaseType;
        foreach (var i in type.GetInterfaces()) { yield return i; }
        foreach (var a in type.CustomAttributes) { yield return a.AttributeType; }
        foreach (var f in type.GetFields(Declared)) { yield return f.FieldType; }
        foreach (var p in type.GetProperties(Declared)) { yield return p.PropertyType; }
        foreach (var e in type.GetEvents(Declared)) { yield return e.EventHandlerType; }
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        foreach (var method in methods)
        {
            if (method is MethodInfo info) { yield return info.ReturnType; }
            foreach (var p in method.GetParameters()) { yield return p.ParameterType; }
            foreach (var used in TypesInBody(type, method)) { yield return used; }
        }
    }

    private static IEnumerable<Type?> TypesInBody(Type type, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null) { yield break; }
        foreach (var local in body.LocalVariables) { yield return local.LocalType; }
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            var size = OperandSize(code.OperandType, il, at);
            if (code.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                switch (member)
                {
                    case Type t: yield return t; break;
                    case MethodInfo m:
                        yield return m.DeclaringType;
                        foreach (var g in m.IsGenericMethod ? m.GetGenericArguments() : []) { yield return g; }
                        break;
                    case MemberInfo m: yield return m.DeclaringType; break;
                }
            }

            at += size;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
