using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.Samples.Demo;

/// <summary>The demo's control API: list, stop and start the demo services, to watch outages from the IDE.</summary>
internal static class ControlApi
{
    public static WebApplication Create(string url, IReadOnlyDictionary<string, DemoService> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/demo/services", () => services.Values.Select(s => new { s.Name, s.Url, s.Running }));
        app.MapPost("/demo/services/{name}/{action}", async (string name, string action) =>
        {
            if (!services.TryGetValue(name, out var service))
            {
                return Results.NotFound(new { error = $"Unknown service '{name}'. Known: {string.Join(", ", services.Keys)}." });
            }

            switch (action)
            {
                case "stop":
                    await service.StopAsync();
                    break;
                case "start":
                    await service.StartAsync();
                    break;
                default:
                    return Results.BadRequest(new { error = "Action must be 'stop' or 'start'." });
            }

            Console.WriteLine($"[demo] {service.Name} {(service.Running ? "started" : "stopped")}");
            return Results.Ok(new { service.Name, service.Url, service.Running });
        });
        return app;
    }
}
