using Bff.Tests.Fixtures;

namespace Bff.Tests.Deployment;

/// <summary>A BFF host started as a deployment configures it (its shipped appsettings.json plus the deployment's settings).</summary>
internal static class DeployedHost
{
    /// <summary>Turns environment variables into configuration keys (<c>Bff__Http__X</c> → <c>Bff:Http:X</c>), keeping the Bff section only.</summary>
    public static Dictionary<string, string?> BffSettings(IReadOnlyDictionary<string, string?> variables) =>
        variables.Where(v => v.Value is not null && v.Key.StartsWith("Bff__", StringComparison.Ordinal))
            .ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => v.Value);

    /// <summary>Starts <paramref name="project"/> in <paramref name="environment"/>, sends the requests in order and answers status and body of each.</summary>
    public static Task<List<(int Status, string Body)>> SendAsync(
        string project, IReadOnlyDictionary<string, string?> settings, string environment, params Func<HttpRequestMessage>[] requests) =>
        project switch
        {
            "MobileBff" => SendAsync<Bff.MobileBff.Program>(settings, environment, requests),
            "WebBff" => SendAsync<Bff.WebBff.Program>(settings, environment, requests),
            _ => throw new ArgumentOutOfRangeException(nameof(project), project, "not a host"),
        };

    private static async Task<List<(int Status, string Body)>> SendAsync<TProgram>(
        IReadOnlyDictionary<string, string?> settings, string environment, Func<HttpRequestMessage>[] requests)
        where TProgram : class
    {
        using var host = new BffHostFactory<TProgram>(settings, environment);
        host.StartServer();
        using var http = host.CreateClient();
        var answers = new List<(int, string)>();
        foreach (var create in requests)
        {
            using var request = create();
            using var response = await http.SendAsync(request);
            answers.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        return answers;
    }
}
