using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching.Rest;

/// <summary>Makes REST calls for <c>@rest</c> bindings of one source, with that source's named <see cref="HttpClient"/>.</summary>
public sealed class RestConnector : IDownstreamConnector
{
    private readonly string _source;
    private readonly SourceOptions _options;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly SourceCredentials _credentials;

    /// <summary>Creates the connector of source <paramref name="source"/>, sending <paramref name="credentials"/> (none when null).</summary>
    public RestConnector(string source, SourceOptions options, IHttpClientFactory clients, TimeProvider time, SourceCredentials? credentials = null)
    {
        _credentials = credentials ?? SourceCredentials.None;
        _source = source;
        _options = options;
        _clients = clients;
        _time = time;
    }

    /// <inheritdoc />
    public string Kind => "rest";

    /// <summary>Gets the name of the <see cref="HttpClient"/> of a source.</summary>
    public static string ClientName(string source) => "bff-source:" + source;

    /// <inheritdoc />
    public async Task<DownstreamResponse> SendAsync(DownstreamCall call, CancellationToken cancellationToken)
    {
        var (rest, scope) = ((RestBinding)call.Binding, call.Scope);
        var target = BuildTarget(rest, scope);
        using var message = new HttpRequestMessage(new HttpMethod(rest.Method), target);
        foreach (var (name, value) in OutgoingHeaders.For(_options, _credentials, rest, call.Request))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (TemplateEvaluator.Evaluate(rest.Headers, scope) is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(name, JsonPath.AsText(value));
            }
        }

        if (rest.Body.Templates.Any())
        {
            message.Content = JsonContent.Create(TemplateEvaluator.Evaluate(rest.Body, scope));
        }

        var operation = $"{rest.Method} /{target}";
        var budget = call.TimeLeft(_time) ?? _options.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            using var response = await _clients.CreateClient(ClientName(_source))
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.StatusCode == HttpStatusCode.NotFound && rest.Method == "GET")
            {
                return new DownstreamResponse(null, operation, status);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw DownstreamErrors.Error(_source, status, $"{_source} answered {status} to {rest.Method} {rest.Path.Text}.");
            }

            var body = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? null
                : await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), cancellationToken: timeout.Token).ConfigureAwait(false);
            return new DownstreamResponse(body, operation, status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DownstreamErrors.Timeout(_source, budget);
        }
        catch (HttpRequestException ex)
        {
            // A refused connection or an unknown host: not a byte of the request was sent.
            var sent = ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);
            throw DownstreamErrors.Unavailable(_source, ex.HttpRequestError.ToString(), sent);
        }
        catch (System.Text.Json.JsonException)
        {
            throw DownstreamErrors.Error(_source, "invalid_json", $"{_source} answered with a body that is not JSON.");
        }
    }

    internal static string BuildTarget(RestBinding rest, BindingScope scope)
    {
        var target = new StringBuilder();
        foreach (var part in rest.Path.Parts)
        {
            if (part is TemplateExpression e)
            {
                var value = JsonPath.AsText(TemplateEvaluator.Evaluate(e, scope))
                    ?? throw new BffError(ErrorCodes.BadUserInput, $"The value for {e.Text} is missing.");
                target.Append(PathSegment.Escape(value, e.Text));
            }
            else
            {
                target.Append((string)part);
            }
        }

        var separator = '?';
        foreach (var (name, template) in rest.Query)
        {
            var value = TemplateEvaluator.Evaluate(template, scope);
            var text = value is JsonArray list
                ? string.Join(',', list.Select(item => Uri.EscapeDataString(JsonPath.AsText(item) ?? "")))
                : JsonPath.AsText(value) is { } single ? Uri.EscapeDataString(single) : null;
            if (text is null)
            {
                continue;
            }

            target.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(text);
            separator = '&';
        }

        return target.ToString().TrimStart('/');
    }
}
