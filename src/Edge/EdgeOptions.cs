namespace Bff.Edge;

/// <summary>The front door's own settings (section <c>Edge</c>); routes and clusters are YARP's (section <c>ReverseProxy</c>).</summary>
public sealed class EdgeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Edge";

    /// <summary>Gets the canary of each cluster that has one, keyed by the stable cluster's id.</summary>
    /// <value>None by default.</value>
    public Dictionary<string, CanaryOptions> Canaries { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how long a replica that refused a connection stays out of rotation before the active health check decides again.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan EjectionPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how many other replicas a request is tried on when the connection to one could not be made.</summary>
    /// <value>2.</value>
    public int MaxConnectRetries { get; set; } = 2;

    /// <summary>Gets or sets the host names the generated development certificate is made for (besides localhost and loopback).</summary>
    /// <value>None.</value>
    public string[] DevelopmentCertificateNames { get; set; } = [];
}

/// <summary>Where a share of one cluster's traffic goes instead.</summary>
public sealed class CanaryOptions
{
    /// <summary>Gets or sets the cluster that receives the canary traffic.</summary>
    public string Cluster { get; set; } = "";

    /// <summary>Gets or sets the share of requests (0 to 1) sent to the canary.</summary>
    /// <value>0: only requests with the header.</value>
    public double Share { get; set; }

    /// <summary>Gets or sets the header that picks the canary (<c>1</c>) or the stable replicas (<c>0</c>) explicitly.</summary>
    /// <value><c>X-Canary</c>.</value>
    public string Header { get; set; } = "X-Canary";
}
