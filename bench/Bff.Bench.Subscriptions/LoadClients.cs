using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Bff.Bench.Subscriptions;

/// <summary>
/// Many graphql-ws clients, one socket and one subscription each, recording for every event the time from its publish
/// to its arrival (both clocks are the machine's monotonic clock).
/// </summary>
public sealed class LoadClients(Uri host) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = host };
    private readonly ConcurrentBag<ClientWebSocket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private ConcurrentQueue<double> _latencies = new();
    private int _errors;

    public int Errors => _errors;

    public async Task WaitForHostAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not start within 60 s.");
    }

    public async Task SubscribeAsync(int count, int topics)
    {
        using var gate = new SemaphoreSlim(64);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await OpenAsync(i % topics);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        for (var i = 0; i < 300 && await ActiveAsync() < count; i++)
        {
            await Task.Delay(100);
        }
    }

    public async Task<int> ActiveAsync() => (await QueryAsync("{ active }")).GetProperty("active").GetInt32();

    public async Task<double> ManagedBytesAsync() => (await QueryAsync("{ managedBytes }")).GetProperty("managedBytes").GetDouble();

    public Task PublishAsync(int perSecond, int topics, int seconds) =>
        QueryAsync($"mutation {{ publish(perSecond: {perSecond}, topics: {topics}, seconds: {seconds}) }}");

    public void Reset() => _latencies = new ConcurrentQueue<double>();

    public double[] Latencies()
    {
        var all = _latencies.ToArray();
        Array.Sort(all);
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var socket in _sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task OpenAsync(int topic)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{host.Authority}/graphql"), _stop.Token);
        _sockets.Add(socket);
        await SendAsync(socket, """{"type":"connection_init","payload":{}}""");
        var buffer = new byte[1024];
        await socket.ReceiveAsync(buffer, _stop.Token); // connection_ack
        // One document for every client (the topic is a variable), as real clients send it: parsed and validated once.
        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription($t: Int!) { ticks(topic: $t) { seq sentAt } }","variables":{"t":"""
            + topic.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}");
        _ = Task.Run(() => ReceiveAsync(socket, buffer));
    }

    private async Task ReceiveAsync(ClientWebSocket socket, byte[] buffer)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, _stop.Token);
                var arrived = Stopwatch.GetTimestamp();
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                using var message = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
                var type = message.RootElement.GetProperty("type").GetString();

                if (type == "next" && message.RootElement.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetProperty("sentAt").GetString() is { } sent)
                {
                    _latencies.Enqueue(Stopwatch.GetElapsedTime(long.Parse(sent, System.Globalization.CultureInfo.InvariantCulture), arrived).TotalMilliseconds);
                }
                else if (type is "error" or "complete")
                {
                    Interlocked.Increment(ref _errors);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Ending.
        }
        catch (Exception ex)
        {
            if (Interlocked.Increment(ref _errors) == 1)
            {
                Console.Error.WriteLine("A client failed: " + ex);
            }
        }
    }

    private Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, _stop.Token);

    private async Task<JsonElement> QueryAsync(string query)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        if (body.RootElement.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"{query} failed: {text}");
        }

        return body.RootElement.GetProperty("data").Clone();
    }
}
