using Bff.Hosting;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Http;

/// <summary>What a hostile case can see of the host it runs against.</summary>
/// <param name="Options">The host's options (limits, transport).</param>
/// <param name="Demo">The demo services and the token issuer.</param>
/// <param name="IsMobile">Whether the host is the mobile BFF.</param>
/// <param name="TrustedDocumentsOnly">Whether the host accepts only the operations of its trusted-document manifest.</param>
public sealed record HostileContext(BffOptions Options, DemoServicesFixture Demo, bool IsMobile, bool TrustedDocumentsOnly = false);

/// <summary>Where a hostile request is refused: before any operation is read (transport), or as an operation.</summary>
public enum HostileStage
{
    /// <summary>The request is read as operations, so a trusted-documents-only host refuses it as not allowed.</summary>
    Operation,

    /// <summary>The request is refused before it is read as operations (caller, media type, body, batch size).</summary>
    Transport,
}

/// <summary>
/// One hostile or malformed request and the answer it must get. <paramref name="Refused"/> cases must reach no
/// downstream service. <paramref name="Stage"/> says where it is refused.
/// </summary>
public sealed record HostileCase(
    string Name,
    Func<HostileContext, HttpRequestMessage> Build,
    Func<HostileContext, (int Status, string? Code)> Expect,
    bool Refused = true,
    HostileStage Stage = HostileStage.Operation);
