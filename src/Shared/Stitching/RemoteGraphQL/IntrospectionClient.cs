using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Reads a remote schema by introspection at start-up. A service that is still starting (connection refused, 5xx, no
/// answer) is asked again with a doubling delay (0.1 s up to 2 s) until <see cref="SourceOptions.ContractWait"/> runs
/// out; a service that answers but refuses introspection is reported at once. The request carries the source's
/// credentials that apply to all its operations.
/// </summary>
internal static class IntrospectionClient
{
    public static RemoteSchema? Fetch(Uri endpoint, IEnumerable<KeyValuePair<string, string>> headers, TimeSpan wait, TimeProvider time, string where, List<string> errors) =>
        FetchAsync(endpoint, headers, wait, time, where, errors).GetAwaiter().GetResult();

    private static async Task<RemoteSchema?> FetchAsync(Uri endpoint, IEnumerable<KeyValuePair<string, string>> headers, TimeSpan wait, TimeProvider time, string where, List<string> errors)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = Timeout.InfiniteTimeSpan };
        foreach (var (name, value) in headers)
        {
            // The source's credentials: a service that guards its schema lets the gateway read it as it lets its calls in.
            http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        var (last, attempts) = await ContractFetch.RetryAsync<RemoteSchema>(wait, time, left => TryAsync(http, endpoint, left, where, errors)).ConfigureAwait(false);
        if (!last.Final)
        {
            errors.Add($"{where}: could not read the schema of {endpoint} by introspection within {wait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s "
                + $"({attempts} attempts, last: {last.Problem}); start the service first, raise ContractWait, or use an SDL file.");
        }

        return last.Value;
    }

    private static async Task<Attempt<RemoteSchema>> TryAsync(HttpClient http, Uri endpoint, TimeSpan left, string where, List<string> errors)
    {
        // The try at the deadline still gets a moment, so it can tell a refused connection from silence.
        using var timeout = new CancellationTokenSource(TimeSpan.FromTicks(Math.Clamp(left.Ticks, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(5).Ticks)));
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint, new JsonObject { ["query"] = RemoteIntrospection.Query }, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return Attempt<RemoteSchema>.Again($"HTTP {status}");
            }

            var body = await response.Content.ReadFromJsonAsync<JsonNode>(timeout.Token).ConfigureAwait(false);
            if (RemoteIntrospection.Read(body) is { } schema)
            {
                return Attempt<RemoteSchema>.Done(schema);
            }

            var message = body?["errors"]?[0]?["message"]?.GetValue<string>();
            errors.Add($"{where}: introspection of {endpoint} was refused (HTTP {status}{(message is null ? "" : ": " + message)}); enable introspection on the service or use an SDL file.");
            return Attempt<RemoteSchema>.Done(null);
        }
        catch (HttpRequestException ex)
        {
            return Attempt<RemoteSchema>.Again(ex.HttpRequestError.ToString());
        }
        catch (OperationCanceledException)
        {
            return Attempt<RemoteSchema>.Again("no answer");
        }
        catch (System.Text.Json.JsonException)
        {
            errors.Add($"{where}: {endpoint} answered introspection with a body that is not JSON; is it a GraphQL endpoint?");
            return Attempt<RemoteSchema>.Done(null);
        }
    }
}
