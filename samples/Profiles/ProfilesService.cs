using Bff.Samples.Common;

namespace Bff.Samples.Profiles;

/// <summary>
/// The profiles demo service: a REST API with snake_case JSON over 300 seeded profiles
/// (contract: <c>schemas/downstream/profiles.openapi.json</c>).
/// </summary>
public static class ProfilesService
{
    /// <summary>Where <c>Program</c> listens when given no argument.</summary>
    public const string DefaultUrl = "http://localhost:5301";

    /// <summary>Most ids one batch request may ask for.</summary>
    public const int MaxBatchSize = 200;

    /// <summary>Most profiles one page may hold.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// Requests received by every instance created with <see cref="Create(string)"/>, keyed
    /// <c>"GET /profiles/{id}"</c>, <c>"GET /profiles"</c> (batch and paging) and <c>"GET /health"</c>.
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
    /// <returns>The application, not started: call <c>StartAsync</c> or <c>RunAsync</c>.</returns>
    public static WebApplication Create(string url, RequestLog requests, HttpFaults faults)
    {
        var builder = SampleHost.CreateBuilder(url, typeof(ProfilesService).Assembly.GetName().Name!);
        builder.Services.AddSingleton<ProfileStore>();
        var app = builder.Build();
        app.UseRouting();
        app.UseRequestRecording(requests, faults);
        app.MapSampleHealth();
        app.MapGet("/profiles/{id}", (string id, ProfileStore store) =>
            store.Find(id) is { } profile
                ? Results.Ok(profile)
                : SampleResults.Problem(StatusCodes.Status404NotFound, $"Profile '{id}' was not found."));
        app.MapGet("/profiles", ListProfiles);
        return app;
    }

    private static IResult ListProfiles(HttpRequest request, ProfileStore store)
    {
        if (request.Query.TryGetValue("ids", out var rawIds))
        {
            var ids = SampleQuery.SplitIds(rawIds);
            return ids.Count <= MaxBatchSize
                ? Results.Ok(store.FindMany(ids))
                : SampleResults.Problem(StatusCodes.Status400BadRequest, $"At most {MaxBatchSize} ids per request.");
        }

        if (!SampleQuery.TryGetInt(request, "limit", 20, 1, MaxPageSize, out var limit, out var problem)
            || !SampleQuery.TryGetInt(request, "offset", 0, 0, int.MaxValue, out var offset, out problem))
        {
            return problem!;
        }

        return Results.Ok(new ProfilePage(store.Page(limit, offset), store.Total));
    }
}
