using Bff.Stitching;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Fixtures;

/// <summary>The protocols a host registers by default, for tests that build a schema without a host.</summary>
public static class TestProtocols
{
    /// <summary>Gets REST and gRPC, as <c>AddBff</c> registers them.</summary>
    public static DownstreamProtocols All { get; } = new ServiceCollection().AddBffProtocols();
}
