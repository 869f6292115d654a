using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bff.Tests.Ide;

/// <summary>
/// Drives the self-hosted Banana Cake Pop IDE in Debian's headless Chromium (through Playwright, without
/// <c>playwright install</c>): opens the IDE at a GraphQL URL, creates a document, types a query, runs it and
/// returns the text of the response pane.
/// </summary>
/// <remarks>
/// <para>The flow, and why:</para>
/// <list type="number">
/// <item>Open <c>{graphqlUrl}</c> (no trailing slash: the host redirects to <c>{graphqlUrl}/</c>).</item>
/// <item>
/// Wait until the page was loaded under the control of the IDE's service worker. On a first visit the worker
/// installs, precaches every asset, claims the page and the IDE reloads it once (<c>controllerchange</c>);
/// clicking before that reload loses the click. Instead of a fixed delay, an init script records in every
/// document whether it started controlled, and the flow waits for a document that did (about 2-4 s after the
/// first "Create Document"). Where service workers are unavailable (an origin that is not a secure context)
/// there is no reload and no wait.
/// </item>
/// <item>Click the button "Create Document".</item>
/// <item>Focus the operation editor (Monaco, <c>.monaco-editor[data-uri^='file:///operations/']</c>), select all, delete, insert the query as text (no per-key typing, so no auto-closed brackets or accepted suggestions).</item>
/// <item>
/// Wait for the "Run" code lens above the operation (<c>.codelens-decoration</c>): the IDE takes the editor's text
/// into its own state a moment after the edit, and a Run clicked before that sends <c>{"query":""}</c>.
/// </item>
/// <item>
/// Click the toolbar button whose accessible name starts with "Run Operation" (its label is
/// "Run Operation (Ctrl+Alt+⏎)") and catch the POST it sends; if its query is still empty, click again (at most 3 times).
/// </item>
/// <item>Wait for the response editor (<c>.monaco-editor[data-uri^='inmemory://']</c>) to show <c>"data"</c> or <c>"errors"</c>, and read its lines.</item>
/// </list>
/// <para>
/// Every request the browser makes (pages and service worker) is watched: any request leaving the GraphQL URL's
/// origin fails the run, which proves that the IDE works offline (and that <c>disableTelemetry</c> took effect).
/// </para>
/// </remarks>
public static partial class IdeBrowser
{
    /// <summary>The Chromium arguments: headless, and no background traffic of the browser itself.</summary>
    public static readonly IReadOnlyList<string> ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Gets the Chromium executable: <c>BFF_CHROMIUM</c> from the environment, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable("BFF_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Gets a value indicating whether the Chromium executable exists (<c>apt-get install -y chromium</c>).</summary>
    public static bool IsAvailable => File.Exists(ChromiumPath);

    /// <summary>Gets or sets how long each step may take before the run fails.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public static TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Opens the IDE at <paramref name="graphqlUrl"/>, runs <paramref name="query"/> in a new document and
    /// returns the response pane's text.
    /// </summary>
    /// <param name="graphqlUrl">The GraphQL URL of a running host, e.g. <c>http://127.0.0.1:5000/graphql</c>.</param>
    /// <param name="query">The query to run, e.g. <c>{ __typename }</c>.</param>
    /// <param name="screenshotPath">Where to save a PNG of the page once the response is shown (or when the run fails).</param>
    /// <returns>
    /// The response pane's text as the IDE shows it (pretty-printed JSON), e.g.
    /// <c>{\n  "data": {\n    "__typename": "Query"\n  }\n}</c>. Only the lines Monaco renders are read:
    /// responses longer than about 45 lines come back cut.
    /// </returns>
    /// <exception cref="InvalidOperationException">A step timed out, or the browser requested another origin.</exception>
    public static Task<string> RunQueryAsync(Uri graphqlUrl, string query, string screenshotPath) =>
        RunAsync(graphqlUrl, query, screenshotPath, new IdeOperation(null, null, text => ResponseShown().IsMatch(text)));

    /// <summary>
    /// Opens the IDE at <paramref name="graphqlUrl"/> with <paramref name="headers"/> as its connection's HTTP headers
    /// (<c>httpHeaders</c> of <c>bcp-config.json</c>), runs <paramref name="subscription"/> in a new document, calls
    /// <paramref name="whileSubscribed"/> once the IDE opened its WebSocket, and returns the response pane's text as soon as
    /// <paramref name="shown"/> accepts it.
    /// </summary>
    /// <remarks>
    /// The headers are added to the host's own <c>bcp-config.json</c> on its way to the page (a Playwright route).
    /// Requests a service worker handles are not routed, so the page runs without one: no precaching, no reload.
    /// </remarks>
    public static Task<string> RunSubscriptionAsync(
        Uri graphqlUrl, string subscription, IReadOnlyDictionary<string, string> headers, Func<Task> whileSubscribed, Func<string, bool> shown, string screenshotPath) =>
        RunAsync(graphqlUrl, subscription, screenshotPath, new IdeOperation(headers, whileSubscribed, shown));

    private static async Task<string> RunAsync(Uri graphqlUrl, string query, string screenshotPath, IdeOperation spec)
    {
        ArgumentNullException.ThrowIfNull(graphqlUrl);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(screenshotPath);

        var clock = Stopwatch.StartNew();
        var log = new ConcurrentQueue<string>();
        var outside = new ConcurrentQueue<string>();
        var origin = graphqlUrl.GetLeftPart(UriPartial.Authority);
        var timeout = (float)StepTimeout.TotalMilliseconds;
        var directory = Path.GetDirectoryName(Path.GetFullPath(screenshotPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            Timeout = timeout,
        });
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1400, Height = 1000 },
            ServiceWorkers = spec.Headers is null ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(timeout);
        if (spec.Headers is { } headers)
        {
            await context.RouteAsync("**/bcp-config.json", route => AddHeadersAsync(route, headers));
        }

        // Every request, the service worker's included (Request.Frame throws for those: never touch it here,
        // an exception in an event handler tears the Playwright connection down).
        context.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                outside.Enqueue($"{request.Method} {request.Url}");
            }
        };

        // Records, in every document, whether it started under the service worker's control.
        await context.AddInitScriptAsync(
            "window.__bffIdeControlledAtStart = !!(navigator.serviceWorker && navigator.serviceWorker.controller);");

        var page = await context.NewPageAsync();
        page.Console += (_, message) => log.Enqueue($"[{clock.ElapsedMilliseconds} ms] console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => log.Enqueue($"[{clock.ElapsedMilliseconds} ms] page error: {error}");
        page.FrameNavigated += (_, frame) =>
        {
            if (frame.ParentFrame is null)
            {
                log.Enqueue($"[{clock.ElapsedMilliseconds} ms] navigated to {frame.Url}");
            }
        };

        var step = "open the IDE";
        try
        {
            await page.GotoAsync(graphqlUrl.ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

            if (spec.Headers is null)
            {
                step = "wait for the page to be loaded under the service worker's control (its one-time reload)";
                await WaitForControlledDocumentAsync(page);
                log.Enqueue($"[{clock.ElapsedMilliseconds} ms] controlled document");
            }

            step = "click \"Create Document\"";
            await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).ClickAsync();

            step = "type the query into the operation editor";
            var operation = page.Locator(".monaco-editor[data-uri^='file:///operations/']");
            await operation.Locator(".view-lines").ClickAsync();
            await page.Keyboard.PressAsync("ControlOrMeta+A");
            await page.Keyboard.PressAsync("Delete");
            await page.Keyboard.InsertTextAsync(query);

            // The IDE takes the editor's text into its own state a moment later: a Run clicked at once sends
            // {"query":""}. Its "Run" code lens above the operation shows that the text was taken in.
            step = "wait for the IDE to parse the query (its \"Run\" code lens)";
            try
            {
                await operation.Locator(".codelens-decoration", new() { HasText = "Run" }).First
                    .WaitForAsync(new() { Timeout = 5000 });
            }
            catch (TimeoutException)
            {
                log.Enqueue($"[{clock.ElapsedMilliseconds} ms] no code lens (no operation in the query?)");
            }

            step = "click \"Run Operation\" and see the query sent";
            var run = page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" });
            var response = page.Locator(".monaco-editor[data-uri^='inmemory://'] .view-lines");
            var before = "";
            if (spec.WhileSubscribed is { } whileSubscribed)
            {
                step = "click \"Run Operation\" and see the IDE open its WebSocket";
                var socket = await page.RunAndWaitForWebSocketAsync(() => run.ClickAsync());
                socket.FrameSent += (_, frame) => log.Enqueue($"[{clock.ElapsedMilliseconds} ms] ws sent {frame.Text}");
                socket.FrameReceived += (_, frame) => log.Enqueue($"[{clock.ElapsedMilliseconds} ms] ws received {frame.Text}");
                log.Enqueue($"[{clock.ElapsedMilliseconds} ms] WebSocket {socket.Url}");
                step = "act while the IDE is subscribed";
                await whileSubscribed();
            }

            for (var attempt = 1; spec.WhileSubscribed is null; attempt++)
            {
                var sent = await page.RunAndWaitForRequestAsync(
                    () => run.ClickAsync(),
                    request => request.Method == "POST" && !(request.PostData ?? "").Contains("IntrospectionQuery", StringComparison.Ordinal));
                if (SentQuery(sent.PostData).Length > 0 || attempt == 3)
                {
                    log.Enqueue($"[{clock.ElapsedMilliseconds} ms] sent {sent.PostData} (attempt {attempt})");
                    break;
                }

                log.Enqueue($"[{clock.ElapsedMilliseconds} ms] the IDE sent an empty query, running again");
                await (await sent.ResponseAsync())!.FinishedAsync();
                await Task.Delay(300);
                before = await ReadLinesAsync(response);
            }

            step = "wait for the response pane";
            string text;
            while (true)
            {
                text = await ReadLinesAsync(response);
                if (text != before && spec.Shown(text))
                {
                    break;
                }

                if (clock.Elapsed > StepTimeout * 3)
                {
                    throw new TimeoutException($"The response pane shows: {text}");
                }

                await Task.Delay(100);
            }

            log.Enqueue($"[{clock.ElapsedMilliseconds} ms] response shown");

            await page.ScreenshotAsync(new() { Path = screenshotPath });

            if (!outside.IsEmpty)
            {
                throw new InvalidOperationException(
                    $"The IDE requested other origins than {origin}: {string.Join(", ", outside)}");
            }

            return text;
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            try
            {
                await page.ScreenshotAsync(new() { Path = screenshotPath });
            }
            catch (PlaywrightException)
            {
                // The page is gone; the log below still tells what happened.
            }

            throw new InvalidOperationException(
                $"Banana Cake Pop at {graphqlUrl}: could not {step} after {clock.ElapsedMilliseconds} ms " +
                $"(screenshot: {screenshotPath}).\nOther origins requested: {(outside.IsEmpty ? "none" : string.Join(", ", outside))}\n" +
                string.Join("\n", log),
                exception);
        }
    }

    /// <summary>Serves the host's <c>bcp-config.json</c> with <paramref name="headers"/> as <c>httpHeaders</c>.</summary>
    private static async Task AddHeadersAsync(IRoute route, IReadOnlyDictionary<string, string> headers)
    {
        var response = await route.FetchAsync();
        var config = JsonNode.Parse(await response.TextAsync())!.AsObject();
        config["httpHeaders"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
        await route.FulfillAsync(new() { Response = response, Body = config.ToJsonString() });
    }

    /// <summary>The query of a GraphQL-over-HTTP POST body, or an empty string.</summary>
    private static string SentQuery(string? body)
    {
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            return json.RootElement.TryGetProperty("query", out var query) ? query.GetString()?.Trim() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    [GeneratedRegex("\"(data|errors)\"\\s*:")]
    private static partial Regex ResponseShown();

    /// <summary>Waits for a document that started under the service worker's control, across the IDE's reload.</summary>
    private static async Task WaitForControlledDocumentAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            try
            {
                var ready = await page.EvaluateAsync<bool>(
                    "() => !('serviceWorker' in navigator) || window.__bffIdeControlledAtStart === true");
                if (ready)
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // "Execution context was destroyed": the reload we are waiting for is under way.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The IDE's service worker never took control of the page.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Reads a Monaco editor's rendered lines in order (Monaco positions them absolutely and reuses them).</summary>
    private static async Task<string> ReadLinesAsync(ILocator viewLines)
    {
        var text = await viewLines.EvaluateAsync<string>(
            """
            element => Array.from(element.querySelectorAll('.view-line'))
                .map(line => ({ top: parseFloat(line.style.top) || 0, text: line.textContent }))
                .sort((a, b) => a.top - b.top)
                .map(line => line.text)
                .join('\n')
            """);
        return text.Replace('\u00a0', ' ');
    }
}

/// <summary>What a run does beside typing and running its document: the connection's headers, acting while subscribed, when the response counts as shown.</summary>
internal sealed record IdeOperation(IReadOnlyDictionary<string, string>? Headers, Func<Task>? WhileSubscribed, Func<string, bool> Shown);
