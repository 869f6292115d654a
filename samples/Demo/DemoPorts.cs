using System.Globalization;

namespace Bff.Samples.Demo;

/// <summary>The ports the demo listens on, by name; each can be moved with <c>--port name=number</c> (tests run the demo on free ports).</summary>
internal sealed class DemoPorts
{
    /// <summary>Gets the default port of each name, as the README and the hosts' appsettings use them.</summary>
    public static IReadOnlyDictionary<string, int> Defaults { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["mobile"] = 5100,
        ["web"] = 5200,
        ["profiles"] = 5301,
        ["jobs"] = 5302,
        ["proposals"] = 5303,
        ["identity"] = 5304,
        ["reviews"] = 5305,
        ["control"] = 5099,
    };

    /// <summary>Gets the default ports only the topology (<c>--topology</c>) uses: second replicas, the web canary, the front door, Redis.</summary>
    public static IReadOnlyDictionary<string, int> TopologyDefaults { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["mobile-2"] = 5101,
        ["web-2"] = 5201,
        ["web-canary"] = 5209,
        ["edge"] = 8443,
        ["edge-http"] = 8080,
        ["redis"] = 6390,
    };

    private readonly Dictionary<string, int> _ports = new(Defaults, StringComparer.Ordinal);

    /// <summary>Gets whether <c>--topology</c> was given: the front door, two replicas of each host and Redis.</summary>
    public bool Topology { get; private set; }

    public int this[string name] => _ports[name];

    public IEnumerable<KeyValuePair<string, int>> All => _ports;

    public string Url(string name) => $"http://localhost:{_ports[name]}";

    public bool IsDefault(string name) => _ports[name] == (Defaults.TryGetValue(name, out var port) ? port : TopologyDefaults[name]);

    /// <summary>Reads <c>--port name=number</c> pairs; anything else is a usage error.</summary>
    public static DemoPorts Parse(IReadOnlyList<string> args)
    {
        var ports = new DemoPorts();
        if (args.Contains("--topology"))
        {
            ports.Topology = true;
            foreach (var (name, port) in TopologyDefaults)
            {
                ports._ports[name] = port;
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument == "--topology")
            {
                continue;
            }

            var pair = argument == "--port" && i + 1 < args.Count ? args[++i].Split('=', 2) : null;
            if (pair is not [var name, var value] || !ports._ports.ContainsKey(name)
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new ArgumentException(
                    $"Unexpected argument '{(pair is null ? argument : $"--port {args[i]}")}'. Usage: --port name=number (1-65535), name one of {string.Join(", ", Defaults.Keys)}.");
            }

            ports._ports[name] = port;
        }

        return ports;
    }
}
