namespace Bff.Samples.Identity;

/// <summary>What a demo token says about its holder. Unset times get sensible defaults (valid now, for an hour).</summary>
public sealed record DemoToken
{
    /// <summary>The subject: a profile id of the demo data, e.g. <c>p3</c> (a freelancer) or <c>p1</c> (a client).</summary>
    public string Subject { get; init; } = "p3";

    /// <summary>Granted scopes, written as one space-separated <c>scope</c> claim.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Roles, written as a <c>roles</c> array claim.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Audiences; by default both demo BFFs.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [DemoIssuer.MobileAudience, DemoIssuer.WebAudience];

    /// <summary>The issuer written in the token; by default the issuer's own.</summary>
    public string? Issuer { get; init; }

    /// <summary>When the token starts being valid; by default a minute ago.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>When the token expires; by default an hour after <see cref="NotBefore"/>.</summary>
    public DateTimeOffset? Expires { get; init; }
}
