using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bff.Ide;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Bff.Tests.Ide;

/// <summary>
/// The self-hosted Banana Cake Pop IDE, served by <see cref="BananaCakePopIde"/> from the <c>bcp/</c> folder the
/// build copies beside the test binaries, on a minimal Kestrel host with a small GraphQL.NET endpoint that calls
/// <see cref="BananaCakePopIde.TryServeAsync"/> first, as the BFF hosts' endpoint does.
/// </summary>
public sealed class BananaCakePopBrowserTests : IClassFixture<BananaCakePopBrowserTests.IdeHost>
{
    private const string BrowserHtmlAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private readonly IdeHost host;
    private readonly ITestOutputHelper output;

    /// <summary>Initializes a new instance of the <see cref="BananaCakePopBrowserTests"/> class.</summary>
    public BananaCakePopBrowserTests(IdeHost host, ITestOutputHelper output)
    {
        this.host = host;
        this.output = output;
    }

    [Fact]
    public void Build_copies_the_ide_assets_beside_the_binaries()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "bcp");
        Assert.True(File.Exists(Path.Combine(directory, "index.html")), $"{directory}/index.html is missing: did Ide.targets run npm ci?");
        Assert.True(File.Exists(Path.Combine(directory, "service-worker.js")));
        Assert.True(File.Exists(Path.Combine(directory, "LICENSE")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(directory, "static", "js"), "main.*.js"));
        Assert.False(File.Exists(Path.Combine(directory, "package.json")));
    }

    [Fact]
    public async Task Html_request_without_slash_is_redirected_to_the_ide_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?x=1");
        request.Headers.TryAddWithoutValidation("Accept", BrowserHtmlAccept);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/graphql/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Html_request_gets_index_html()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        request.Headers.TryAddWithoutValidation("Accept", BrowserHtmlAccept);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql/")]
    public async Task Json_get_is_left_to_the_graphql_endpoint(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?query=%7B__typename%7D");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html", 0.5));
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Config_carries_the_title_and_disables_telemetry()
    {
        using var response = await host.Client.GetAsync(new Uri("/graphql/bcp-config.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"useBrowserUrlAsEndpoint":true,"disableTelemetry":true,"title":"IDE test host"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("service-worker.js", "application/javascript")]
    [InlineData("manifest.webmanifest", "application/manifest+json")]
    [InlineData("favicon.svg", "image/svg+xml")]
    [InlineData("LICENSE", "text/plain")]
    public async Task Assets_are_served_with_their_content_type(string file, string contentType)
    {
        using var response = await host.Client.GetAsync(new Uri("/graphql/" + file, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Hashed_bundles_are_javascript_and_cached_for_good()
    {
        var main = Path.GetFileName(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "bcp", "static", "js"), "main.*.js").Single());
        using var response = await host.Client.GetAsync(new Uri("/graphql/static/js/" + main, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("/graphql/nope.js")]
    [InlineData("/graphql/..%2f..%2fBff.Shared.dll")]
    [InlineData("/graphql/%2e%2e/Bff.Shared.dll")]
    public async Task Unknown_or_escaping_paths_are_404(string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Missing_assets_answer_404_with_a_message_not_500()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/missing/");
        request.Headers.TryAddWithoutValidation("Accept", BrowserHtmlAccept);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("assets were not restored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A Kestrel host on a free loopback port serving the IDE beside a minimal GraphQL endpoint.</summary>
    public sealed class IdeHost : IAsyncLifetime
    {
        private WebApplication? app;

        /// <summary>Gets the host's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
        public Uri BaseAddress { get; private set; } = null!;

        /// <summary>Gets a client for the host that does not follow redirects.</summary>
        public HttpClient Client { get; private set; } = null!;

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            app = builder.Build();

            var schema = Schema.For("type Query { answer: Int }");
            var executer = new DocumentExecuter();
            var serializer = new GraphQLSerializer();
            var ide = new BananaCakePopOptions { Title = "IDE test host" };

            app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], async context =>
            {
                if (HttpMethods.IsGet(context.Request.Method) && await BananaCakePopIde.TryServeAsync(context, "/graphql", ide))
                {
                    return;
                }

                string? query;
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    using var body = await JsonDocument.ParseAsync(context.Request.Body);
                    query = body.RootElement.GetProperty("query").GetString();
                }
                else
                {
                    query = context.Request.Query["query"];
                }

                var result = await executer.ExecuteAsync(options =>
                {
                    options.Schema = schema;
                    options.Query = query;
                    options.Root = new { Answer = 42 };
                });
                context.Response.ContentType = "application/json";
                await serializer.WriteAsync(context.Response.Body, result);
            });
            app.MapBananaCakePop("/graphql", ide);
            app.MapBananaCakePop("/missing", new BananaCakePopOptions { AssetsDirectory = Path.Combine(Path.GetTempPath(), "bff-no-ide-" + Guid.NewGuid().ToString("N")) });

            await app.StartAsync();
            var address = app.Urls.First();
            BaseAddress = new Uri(address + "/");
            Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}
