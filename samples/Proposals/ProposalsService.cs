using Bff.Samples.Common;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bff.Samples.Proposals;

/// <summary>
/// The proposals demo service: gRPC over cleartext HTTP/2 (h2c, prior knowledge; no HTTP/1.1) serving
/// <c>marketplace.proposals.v1.ProposalService</c> (contract: <c>schemas/downstream/proposals.proto</c>, also
/// served through gRPC server reflection).
/// </summary>
public static class ProposalsService
{
    /// <summary>Where <c>Program</c> listens when given no argument.</summary>
    public const string DefaultUrl = "http://localhost:5303";

    /// <summary>The full name of the gRPC service, as in <c>package.Service/Method</c> bindings.</summary>
    public const string ServiceName = "marketplace.proposals.v1.ProposalService";

    /// <summary>
    /// Calls received by every instance created with <see cref="Create(string)"/>, keyed by full method
    /// name, e.g. <c>"marketplace.proposals.v1.ProposalService/BatchGetJobStats"</c>. Headers come from the
    /// call's metadata. <c>/health</c> is not recorded.
    /// </summary>
    public static RequestLog Requests { get; } = new();

    /// <summary>Fault hooks of every instance created with <see cref="Create(string)"/>; off by default.</summary>
    public static GrpcFaults Faults { get; } = new();

    /// <summary>How the server streams of every instance created with <see cref="Create(string)"/> ended.</summary>
    public static StreamLog Streams { get; } = new();

    /// <summary>Creates the service with the shared <see cref="Requests"/> and <see cref="Faults"/>.</summary>
    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:0</c> for a free port.</param>
    /// <returns>The application, not started: call <c>StartAsync</c> or <c>RunAsync</c>.</returns>
    public static WebApplication Create(string url) => Create(url, Requests, Faults, Streams);

    /// <summary>Creates the service with its own request log and fault hooks, for isolated tests.</summary>
    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:0</c> for a free port.</param>
    /// <param name="requests">Where this instance records calls.</param>
    /// <param name="faults">The fault hooks this instance applies.</param>
    /// <param name="streams">Where this instance records how its server streams end (none: not recorded).</param>
    /// <returns>The application, not started. Each instance has its own store of submitted proposals.</returns>
    public static WebApplication Create(string url, RequestLog requests, GrpcFaults faults, StreamLog? streams = null)
    {
        var builder = SampleHost.CreateBuilder(url, typeof(ProposalsService).Assembly.GetName().Name!);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(requests);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton<ProposalStore>();
        builder.Services.AddSingleton<ProposalFeed>();
        builder.Services.AddSingleton(streams ?? new StreamLog());
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<RecordingInterceptor>());

        // Server reflection: a gateway source with `Contract: reflection` reads this service's contract from here.
        builder.Services.AddGrpcReflection();
        var app = builder.Build();
        app.MapSampleHealth();
        app.MapGrpcService<ProposalServiceImpl>();
        app.MapGrpcReflectionService();
        return app;
    }
}
