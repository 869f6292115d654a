using System.Text.Json;
using Bff.Samples.Common;

namespace Bff.Samples.Jobs;

/// <summary>The handlers of the jobs endpoints that do more than a lookup.</summary>
internal static class JobEndpoints
{
    /// <summary><c>GET /jobs</c>: batch with <c>ids</c>, else one page.</summary>
    public static IResult ListJobs(HttpRequest request, JobStore store)
    {
        if (request.Query.TryGetValue("ids", out var rawIds))
        {
            var ids = SampleQuery.SplitIds(rawIds);
            return ids.Count <= JobsService.MaxBatchSize
                ? Results.Ok(store.FindMany(ids))
                : SampleResults.Problem(StatusCodes.Status400BadRequest, $"At most {JobsService.MaxBatchSize} ids per request.");
        }

        if (!SampleQuery.TryGetInt(request, "limit", 20, 1, JobsService.MaxPageSize, out var limit, out var problem))
        {
            return problem!;
        }

        var status = SampleQuery.GetString(request, "status");
        if (status is not null && !JobsService.Statuses.Contains(status))
        {
            return SampleResults.Problem(StatusCodes.Status400BadRequest, "'status' must be one of open, in_progress, closed.");
        }

        var page = store.Page(limit, SampleQuery.GetString(request, "cursor"), status, SampleQuery.GetString(request, "skill"));
        return page is null
            ? SampleResults.Problem(StatusCodes.Status400BadRequest, "'cursor' is not a cursor this service issued.")
            : Results.Ok(page);
    }

    /// <summary><c>POST /jobs</c>.</summary>
    public static async Task<IResult> CreateJobAsync(HttpRequest request, JobStore store)
    {
        if (!request.HasJsonContentType())
        {
            return SampleResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Send the job as application/json.");
        }

        CreateJobRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateJobRequest>(request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return SampleResults.Problem(StatusCodes.Status400BadRequest, $"The body is not a valid job: {e.Message}");
        }

        if (body is null)
        {
            return SampleResults.Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object.");
        }

        var errors = JobValidation.Validate(body);
        if (errors.Count > 0)
        {
            return SampleResults.ValidationProblem(errors);
        }

        var budget = body.Budget!;
        var job = store.Add(
            body.Title!,
            body.Description!.Trim(),
            body.ClientId!,
            new Budget(budget.Min!.Value, budget.Max!.Value, budget.Currency!),
            body.Skills!.Select(s => s!).ToList(),
            body.Remote ?? true);
        return Results.Created($"/jobs/{job.Id}", job);
    }
}
