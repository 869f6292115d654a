namespace Bff.Hosting;

/// <summary>Names shared by the health checks of every capability.</summary>
public static class BffHealthChecks
{
    /// <summary>
    /// The tag of the checks <c>GET /health/ready</c> runs (Redis, the sources' circuits); <c>GET /health/live</c>
    /// runs every other check.
    /// </summary>
    public const string ReadyTag = "ready";
}
