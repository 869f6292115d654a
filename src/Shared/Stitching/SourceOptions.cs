using Bff.Resilience;
using Bff.Stitching.Bindings;
using Bff.Resilience.Options;

namespace Bff.Stitching;

/// <summary>
/// One downstream service. Addresses live here, in configuration, so the same SDL runs in
/// development, compose and Kubernetes.
/// </summary>
public sealed class SourceOptions
{
    /// <summary>Gets or sets the protocol of the source.</summary>
    /// <value>Defaults to <see cref="SourceKind.Rest"/>.</value>
    public SourceKind Kind { get; set; } = SourceKind.Rest;

    /// <summary>
    /// Gets or sets the contract file (OpenAPI JSON for REST, <c>.proto</c> for gRPC), relative to the
    /// application's base directory. Bindings are checked against it at start-up. For gRPC, <c>reflection</c>
    /// reads the contract from the running service (gRPC server reflection) at start-up instead.
    /// </summary>
    /// <value>Required.</value>
    public string Contract { get; set; } = "";

    /// <summary>
    /// Gets the directories a gRPC contract's imports are looked up in, relative to the application's base directory,
    /// as <c>protoc -I</c>. The contract's own directory, the well-known types (<c>google/protobuf/*.proto</c>) and
    /// googleapis' common files (<c>google/api/annotations.proto</c>, <c>google/type/*.proto</c>) are always searched too.
    /// </summary>
    /// <value>Empty by default: imports resolve beside the contract.</value>
    public List<string> ImportPaths { get; } = [];

    /// <summary>
    /// Gets or sets how long start-up waits for a contract read from the running service (gRPC <c>Contract: reflection</c>,
    /// GraphQL <c>Contract: introspection</c>), retrying with backoff while it starts, before reporting the source as a
    /// start-up problem.
    /// </summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan ContractWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets whether a GraphQL source's error messages reach clients (prefixed with the source's name). Off, a
    /// client sees <c>reviews reported an error (CODE).</c>; the code (<c>remoteCode</c>) and the path are kept either way.
    /// </summary>
    /// <value>Off: a remote message, like any downstream body, may say more than a client should see.</value>
    public bool ExposeErrorMessages { get; set; }

    /// <summary>Gets or sets the base address of the service, e.g. <c>http://profiles:8080</c>.</summary>
    /// <value>Required, unless <see cref="Addresses"/> lists the instances.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets the addresses of several instances of the service, e.g. <c>["http://jobs-1:8080", "http://jobs-2:8080"]</c>:
    /// calls are spread over them round-robin, and an instance that cannot be reached is skipped while the others serve.
    /// </summary>
    /// <value>Empty by default: <see cref="BaseAddress"/> is the one instance. Not both.</value>
    public List<string> Addresses { get; } = [];

    /// <summary>Gets or sets how long an instance that could not be reached is skipped before calls try it again.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan InstanceRecheck { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the time one call to this source may take, retries and their delays included, before its fields
    /// fail with <c>DOWNSTREAM_TIMEOUT</c>. Must be shorter than <c>Bff:Http:RequestTimeout</c>.
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the most keys one batched call carries; larger batches are split.</summary>
    /// <value>Defaults to 100.</value>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Gets the resilience policy of the source: attempt timeout, retries, circuit breaker, concurrency limit.</summary>
    public ResilienceOptions Resilience { get; } = new();

    /// <summary>Gets how the source's streams behave once open (server-streaming gRPC methods): resubscribing after a failure.</summary>
    public StreamOptions Streams { get; } = new();

    /// <summary>Gets the fault injection settings of the source (tests and drills only).</summary>
    public ChaosOptions Chaos { get; } = new();

    /// <summary>Gets what credentials calls to this source carry (<c>Bff:Sources:{name}:Auth</c>).</summary>
    /// <value>Defaults to none: the caller's token is never forwarded unless configured.</value>
    public SourceAuthOptions Auth { get; } = new();

    /// <summary>
    /// Gets the incoming request headers copied onto calls to this source (e.g. <c>Accept-Language</c>,
    /// <c>X-Correlation-Id</c>). Headers not listed are never propagated.
    /// </summary>
    /// <value>Empty by default.</value>
    public List<string> ForwardHeaders { get; } = [];
}
