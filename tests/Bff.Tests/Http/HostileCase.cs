using Bff.Hosting;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Http;

/// <summary>What a hostile case can see of the host it runs against.</summary>
/// <param name="Options">The host's options (limits, transport).</param>
/// <param name="Demo">The demo services and the token issuer.</param>
/// <param name="IsMobile">Whether the host is the mobile BFF.</param>
public sealed record HostileContext(BffOptions Options, DemoServicesFixture Demo, bool IsMobile);

/// <summary>
/// One hostile or malformed request and the answer it must get. <paramref name="Refused"/> cases must reach no
/// downstream service.
/// </summary>
public sealed record HostileCase(
    string Name,
    Func<HostileContext, HttpRequestMessage> Build,
    Func<HostileContext, (int Status, string? Code)> Expect,
    bool Refused = true);
