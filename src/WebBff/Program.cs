namespace Bff.WebBff;

/// <summary>The web BFF: composition only. Its schema and policies live in appsettings.json and schemas/web.graphql.</summary>
public class Program
{
    /// <summary>Starts the web BFF.</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBff();

        var app = builder.Build();
        app.MapBff();
        app.Run();
    }
}
