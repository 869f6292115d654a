using System.Net;
using System.Net.Sockets;

namespace Bff.Samples.Demo;

/// <summary>
/// Finds the demo's ports that another process holds, before anything starts: a demo left running (or a host that
/// did not stop) would otherwise answer in place of this one.
/// </summary>
internal static class PortCheck
{
    /// <summary>Returns one line per held port, naming the port, its use and, when the system tells, the process holding it.</summary>
    public static List<string> FindHeld(DemoPorts ports)
    {
        var problems = new List<string>();
        foreach (var (name, port) in ports.All)
        {
            if (!IsFree(port))
            {
                var holder = PortOwner.Describe(port) is { } owner ? $"in use by {owner}" : "in use by another process";
                problems.Add($"port {port} ({name}) is {holder}.");
            }
        }

        return problems;
    }

    private static bool IsFree(int port)
    {
        var addresses = Socket.OSSupportsIPv6 ? new[] { IPAddress.Loopback, IPAddress.IPv6Loopback } : [IPAddress.Loopback];
        foreach (var address in addresses)
        {
            var listener = new TcpListener(address, port);
            try
            {
                listener.Start();
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                return false;
            }
            catch (SocketException)
            {
                // IPv6 loopback may be unconfigured even where the OS supports IPv6; that is not a held port.
            }
            finally
            {
                listener.Stop();
            }
        }

        return true;
    }
}
