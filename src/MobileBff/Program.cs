namespace Bff.MobileBff;

/// <summary>The mobile BFF: composition only. Its schema and policies live in appsettings.json and schemas/mobile.graphql.</summary>
public class Program
{
    /// <summary>Starts the mobile BFF.</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBff();

        var app = builder.Build();
        app.MapBff();
        app.Run();
    }
}
