using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using Bff.Stitching.Instances;
using Microsoft.Extensions.ServiceDiscovery;

namespace Bff.Stitching.Rest;

/// <summary>Makes REST calls for <c>@rest</c> bindings of one source, with that source's named <see cref="HttpClient"/>.</summary>
public sealed class RestConnector : IDownstreamConnector
{
    private readonly string _source;
    private readonly SourceOptions _options;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly SourceCredentials _credentials;
    private readonly SourceInstances? _instances;
    private readonly ServiceEndpointResolver? _resolver;

    /// <summary>
    /// Creates the connector of source <paramref name="source"/>, sending <paramref name="credentials"/> (none when
    /// null). With <paramref name="instances"/>, calls go round-robin to the addresses <paramref name="resolver"/>
    /// finds for the source (<c>Bff:Sources:{name}:Addresses</c>), skipping those that refuse connections.
    /// </summary>
    public RestConnector(string source, SourceOptions options, IHttpClientFactory clients, TimeProvider time, SourceCredentials? credentials = null,
        SourceInstances? instances = null, ServiceEndpointResolver? resolver = null)
    {
        _credentials = credentials ?? SourceCredentials.None;
        _instances = instances;
        _resolver = resolver;
        _source = source;
        _options = options;
        _clients = clients;
        _time = time;
    }

    /// <inheritdoc />
    public string Kind => "rest";

    /// <summary>Gets the name of the <see cref="HttpClient"/> of a source.</summary>
    public static string ClientName(string source) => DownstreamHttpClients.Name(source);

    /// <inheritdoc />
    public async Task<DownstreamResponse> SendAsync(DownstreamCall call, CancellationToken cancellationToken)
    {
        var (rest, scope) = ((RestBinding)call.Binding, call.Scope);
        var target = BuildTarget(rest, scope);
        var operation = $"{rest.Method} /{target}";
        var budget = call.TimeLeft(_time) ?? _options.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            return _instances is null
                ? await SendToAsync(null, call, target, operation, timeout.Token).ConfigureAwait(false)
                : await InstanceFailover.SendAsync(_source, _instances, _resolver, instance => SendToAsync(instance, call, target, operation, timeout.Token), timeout.Token)
                    .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DownstreamErrors.Timeout(_source, budget);
        }
        catch (HttpRequestException ex)
        {
            throw DownstreamErrors.Unavailable(_source, ex.HttpRequestError.ToString(), !InstanceFailover.NotSent(ex));
        }
        catch (System.Text.Json.JsonException)
        {
            throw DownstreamErrors.Error(_source, "invalid_json", $"{_source} answered with a body that is not JSON.");
        }
    }

    private async Task<DownstreamResponse> SendToAsync(Uri? instance, DownstreamCall call, string target, string operation, CancellationToken cancellationToken)
    {
        var (rest, scope) = ((RestBinding)call.Binding, call.Scope);
        using var message = instance is null
            ? new HttpRequestMessage(new HttpMethod(rest.Method), target)
            : new HttpRequestMessage(new HttpMethod(rest.Method), new Uri(instance.AbsoluteUri.TrimEnd('/') + "/" + target, UriKind.Absolute));
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

        using var response = await _clients.CreateClient(ClientName(_source))
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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
            : await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new DownstreamResponse(body, operation, status);
    }

    internal static string BuildTarget(RestBinding rest, BindingScope scope)
    {
        var target = new StringBuilder();
        foreach (var part in rest.Path.Parts)
        {
            if (part is TemplateExpression e)
            {
                var how = rest.Serialization.GetValueOrDefault("path:" + e.Text, ParameterSerialization.Unknown);
                target.Append(QueryParameterStyle.Path(TemplateEvaluator.Evaluate(e, scope), how, e.Text));
            }
            else
            {
                target.Append((string)part);
            }
        }

        var separator = '?';
        foreach (var (name, template) in rest.Query)
        {
            var how = rest.Serialization.GetValueOrDefault("query:" + name, ParameterSerialization.Unknown);
            foreach (var pair in QueryParameterStyle.Query(name, TemplateEvaluator.Evaluate(template, scope), how))
            {
                target.Append(separator).Append(pair);
                separator = '&';
            }
        }

        return target.ToString().TrimStart('/');
    }
}
