using System.Net;
using System.Net.Sockets;

namespace Bff.Tests.Fixtures;

/// <summary>Loopback ports for servers a test starts itself (or for addresses where nothing listens).</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port free at the time of asking: taken from the OS and released at once.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
