using Bff.Stitching.Composition;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bff.Bench.Subscriptions;

/// <summary>
/// The host under test, in a process of its own: the Bff gateway (AddBff/MapBff, Production environment) whose schema
/// streams from a <see cref="TickSource"/>, on loopback. Per-caller limits are raised: every bench client is one address.
/// </summary>
public static class BenchHost
{
    private const string Sdl = """
        type Query { active: Int! managedBytes: Float! }
        type Mutation { publish(perSecond: Int!, topics: Int!, seconds: Int!): Boolean }
        type Subscription { ticks(topic: Int!): Tick }
        type Tick { seq: Int! sentAt: String! }
        """;

    public static void Run(int port)
    {
        var file = Path.Combine("schemas", "bench-subscriptions.graphql");
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "schemas"));
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), Sdl);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Bff:Schema"] = file,
            ["Bff:Subscriptions:MaxConnectionsPerCaller"] = "100000",
            ["Bff:Subscriptions:MaxSubscriptionsPerCaller"] = "100000",
        });
        builder.AddBff();
        var source = new TickSource();
        builder.Services.AddSingleton(_ => Build(source, file));
        var app = builder.Build();
        app.MapBff();
        app.Run();
    }

    private static BffSchema Build(TickSource source, string file)
    {
        var schema = Schema.For(Sdl);
        schema.Subscription!.GetField("ticks")!.StreamResolver = new SourceStreamResolver<object?>(c => source.For(c.GetArgument<int>("topic")));
        schema.Initialize();
        schema.Query.GetField("active")!.Resolver = new FuncFieldResolver<int>(_ => source.Active);
        schema.Query.GetField("managedBytes")!.Resolver = new FuncFieldResolver<double>(_ => GC.GetTotalMemory(forceFullCollection: true));
        schema.Mutation!.GetField("publish")!.Resolver = new FuncFieldResolver<bool>(c =>
        {
            // Read now: the resolver's context is reused once it returns.
            var (perSecond, topics, seconds) = (c.GetArgument<int>("perSecond"), c.GetArgument<int>("topics"), c.GetArgument<int>("seconds"));
            _ = Task.Run(() => source.RunAsync(perSecond, topics, TimeSpan.FromSeconds(seconds)));
            return true;
        });
        var tick = (IObjectGraphType)schema.AllTypes["Tick"]!;
        tick.GetField("seq")!.Resolver = new FuncFieldResolver<int>(c => ((TickSource.Tick)c.Source!).Seq);
        tick.GetField("sentAt")!.Resolver = new FuncFieldResolver<string>(c => ((TickSource.Tick)c.Source!).SentAt);
        return new BffSchema(schema, [], SdlFile.Load(file, Path.Combine(AppContext.BaseDirectory, file)));
    }
}
