namespace Bff.WebBff;

/// <summary>The web BFF: composition only. Its schema and policies live in appsettings.json and schemas/web.graphql.</summary>
public class Program
{
    /// <summary>Starts the web BFF; a bad configuration ends it with exit code 1 and every problem listed once.</summary>
    public static int Main(string[] args) => BffApplication.Run(() =>
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBff();

        var app = builder.Build();
        app.MapBff();
        app.Run();
    });
}
