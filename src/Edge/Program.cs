namespace Bff.Edge;

/// <summary>The front door: composition only. Routes, clusters and the canary live in appsettings.json.</summary>
public class Program
{
    /// <summary>Starts the front door.</summary>
    public static void Main(string[] args) => EdgeApplication.Create(args).Run();
}
