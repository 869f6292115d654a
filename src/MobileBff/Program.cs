namespace Bff.MobileBff;

/// <summary>The mobile BFF: composition only. Its schema and policies live in appsettings.json and schemas/mobile.graphql.</summary>
public class Program
{
    /// <summary>Starts the mobile BFF; a bad configuration ends it with exit code 1 and every problem listed once.</summary>
    public static int Main(string[] args) => BffApplication.Run(() =>
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBff();

        var app = builder.Build();
        app.MapBff();
        app.Run();
    });
}
