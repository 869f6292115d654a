using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Reads a remote schema by introspection at start-up. A service that is still starting (connection refused, 5xx, no
/// answer) is asked again with a doubling delay (0.1 s up to 2 s) until <see cref="SourceOptions.ContractWait"/> runs
/// out; a service that answers but refuses introspection is reported at once.
/// </summary>
internal static class IntrospectionClient
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public static RemoteSchema? Fetch(Uri endpoint, TimeSpan wait, TimeProvider time, string where, List<string> errors) =>
        FetchAsync(endpoint, wait, time, where, errors).GetAwaiter().GetResult();

    private static async Task<RemoteSchema?> FetchAsync(Uri endpoint, TimeSpan wait, TimeProvider time, string where, List<string> errors)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = Timeout.InfiniteTimeSpan };
        var started = time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(100);
        string problem;
        for (var attempt = 1; ; attempt++)
        {
            var left = wait - time.GetElapsedTime(started);
            using var timeout = new CancellationTokenSource(left > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            try
            {
                using var response = await http.PostAsJsonAsync(endpoint, new JsonObject { ["query"] = RemoteIntrospection.Query }, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var body = status < 500 ? await response.Content.ReadFromJsonAsync<JsonNode>(timeout.Token).ConfigureAwait(false) : null;
                if (status < 500)
                {
                    if (RemoteIntrospection.Read(body) is { } schema)
                    {
                        return schema;
                    }

                    var message = body?["errors"]?[0]?["message"]?.GetValue<string>();
                    errors.Add($"{where}: introspection of {endpoint} was refused (HTTP {status}{(message is null ? "" : ": " + message)}); enable introspection on the service or use an SDL file.");
                    return null;
                }

                problem = $"HTTP {status}";
            }
            catch (HttpRequestException ex)
            {
                problem = ex.HttpRequestError.ToString();
            }
            catch (OperationCanceledException)
            {
                problem = "no answer";
            }
            catch (System.Text.Json.JsonException)
            {
                errors.Add($"{where}: {endpoint} answered introspection with a body that is not JSON; is it a GraphQL endpoint?");
                return null;
            }

            if (time.GetElapsedTime(started) + delay >= wait)
            {
                errors.Add($"{where}: could not read the schema of {endpoint} by introspection within {wait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s "
                    + $"({attempt} attempts, last: {problem}); start the service first, raise ContractWait, or use an SDL file.");
                return null;
            }

            await Task.Delay(delay, time).ConfigureAwait(false);
            delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
        }
    }
}
