namespace Bff.Samples.Demo;

/// <summary>Waits until every BFF answers a GraphQL request, or fails naming the one that did not.</summary>
internal static class Readiness
{
    public static async Task WaitAsync(IReadOnlyList<BffProcess> bffs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        foreach (var bff in bffs)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (bff.HasExited)
                {
                    throw new InvalidOperationException($"{bff.Name} BFF exited during start-up; its output is above.");
                }

                try
                {
                    using var response = await http.GetAsync($"{bff.Url}/graphql?query=%7B__typename%7D", cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"{bff.Name} BFF did not become ready within {timeout.TotalSeconds} s.");
                }

                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
