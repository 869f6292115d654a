namespace Bff.Ide;

/// <summary>
/// Options of the self-hosted Banana Cake Pop GraphQL IDE served under the GraphQL path
/// (<c>GET /graphql/</c>), and of the <c>bcp-config.json</c> served beside it.
/// </summary>
public sealed class BananaCakePopOptions
{
    /// <summary>Gets or sets a value indicating whether the IDE is served.</summary>
    /// <value>
    /// Defaults to <see langword="true"/>. When <see langword="false"/>, nothing is mapped and
    /// <see cref="BananaCakePopIde.TryServeAsync"/> declines every request.
    /// </value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the title the IDE shows for this endpoint (<c>title</c> in <c>bcp-config.json</c>).</summary>
    /// <value>Defaults to <c>"Banana Cake Pop"</c>.</value>
    public string Title { get; set; } = "Banana Cake Pop";

    /// <summary>
    /// Gets or sets a value indicating whether the IDE's telemetry is disabled (<c>disableTelemetry</c> in
    /// <c>bcp-config.json</c>). With telemetry on, the IDE calls a host on the internet.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool DisableTelemetry { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the IDE sends the browser's cookies with its GraphQL requests
    /// (<c>includeCookies</c> in <c>bcp-config.json</c>).
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the key is left out and the IDE's own default applies.</value>
    public bool? IncludeCookies { get; set; }

    /// <summary>
    /// Gets or sets the GraphQL document a new IDE tab starts with (<c>graphQLDocument</c> in <c>bcp-config.json</c>).
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the key is left out.</value>
    public string? Document { get; set; }

    /// <summary>
    /// Gets or sets the folder holding the IDE's static files (<c>index.html</c>, <c>static/</c>, …).
    /// A relative path is resolved against <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="null"/>: the <c>bcp</c> folder beside the application's binaries, where
    /// the build copies the npm package <c>@chillicream/bananacakepop-graphql-ide</c>.
    /// </value>
    public string? AssetsDirectory { get; set; }
}
