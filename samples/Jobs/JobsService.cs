using Bff.Samples.Common;

namespace Bff.Samples.Jobs;

/// <summary>
/// The jobs demo service: a REST API with snake_case JSON over 400 seeded jobs plus the ones created
/// since start-up (contract: <c>schemas/downstream/jobs.openapi.json</c>).
/// </summary>
public static class JobsService
{
    /// <summary>Where <c>Program</c> listens when given no argument.</summary>
    public const string DefaultUrl = "http://localhost:5302";

    /// <summary>Most ids one batch request may ask for.</summary>
    public const int MaxBatchSize = 200;

    /// <summary>Most jobs one page may hold.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The values of a job's <c>status</c>.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["open", "in_progress", "closed"];

    /// <summary>
    /// Requests received by every instance created with <see cref="Create(string)"/>, keyed
    /// <c>"GET /jobs/{id}"</c>, <c>"GET /jobs"</c> (batch and paging), <c>"GET /clients/{clientId}/jobs"</c>,
    /// <c>"POST /jobs"</c> and <c>"GET /health"</c>.
    /// </summary>
    public static RequestLog Requests { get; } = new();

    /// <summary>Fault hooks of every instance created with <see cref="Create(string)"/>; off by default.</summary>
    public static HttpFaults Faults { get; } = new();

    /// <summary>Creates the service with the shared <see cref="Requests"/> and <see cref="Faults"/>.</summary>
    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:0</c> for a free port.</param>
    /// <returns>The application, not started: call <c>StartAsync</c> or <c>RunAsync</c>.</returns>
    public static WebApplication Create(string url) => Create(url, Requests, Faults);

    /// <summary>Creates the service with its own request log and fault hooks, for isolated tests.</summary>
    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:0</c> for a free port.</param>
    /// <param name="requests">Where this instance records requests.</param>
    /// <param name="faults">The fault hooks this instance applies.</param>
    /// <returns>The application, not started. Each instance has its own store of created jobs.</returns>
    public static WebApplication Create(string url, RequestLog requests, HttpFaults faults)
    {
        var builder = SampleHost.CreateBuilder(url, typeof(JobsService).Assembly.GetName().Name!);
        builder.Services.AddSingleton<JobStore>();
        var app = builder.Build();
        app.UseRouting();
        app.UseRequestRecording(requests, faults);
        app.MapSampleHealth();
        app.MapGet("/jobs/{id}", (string id, JobStore store) =>
            store.Find(id) is { } job
                ? Results.Ok(job)
                : SampleResults.Problem(StatusCodes.Status404NotFound, $"Job '{id}' was not found."));
        app.MapGet("/jobs", JobEndpoints.ListJobs);
        app.MapGet("/clients/{clientId}/jobs", (string clientId, JobStore store) => Results.Ok(store.ForClient(clientId)));
        app.MapPost("/jobs", JobEndpoints.CreateJobAsync);
        return app;
    }
}
