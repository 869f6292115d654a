using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Bff.Bench.Gateway;

/// <summary>The reference point: one YARP route to one downstream, the cost of a plain proxy hop. Runs as its own process.</summary>
internal static class YarpHop
{
    public static async Task RunAsync(string listen, string target)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(listen);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "downstream", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig { ClusterId = "downstream", Destinations = new Dictionary<string, DestinationConfig> { ["d"] = new() { Address = target } } }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
    }
}
