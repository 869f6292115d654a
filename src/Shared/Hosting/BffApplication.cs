using System.Reflection;
using Bff.Stitching;
using Microsoft.AspNetCore.Connections;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Runs a Bff host process so that a bad configuration ends it cleanly.</summary>
public static class BffApplication
{
    /// <summary>
    /// Runs <paramref name="host"/> (the host's build, map and run). When the configuration is invalid, or its address
    /// is held by another process, prints the problem once to stderr and returns exit code 1, with no stack trace;
    /// otherwise returns 0 when the host stops.
    /// </summary>
    /// <remarks>
    /// Only when the host is the process's own entry assembly: under a test host (<c>WebApplicationFactory</c>) the
    /// exception propagates, so the test sees the problems.
    /// </remarks>
    public static int Run(Action host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            host();
            return 0;
        }
        catch (Exception ex) when (ex is BffConfigurationException or IOException { InnerException: AddressInUseException }
            && Assembly.GetEntryAssembly() == host.Method.Module.Assembly)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
