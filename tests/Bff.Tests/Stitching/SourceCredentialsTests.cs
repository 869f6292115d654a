using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching;

/// <summary>
/// Several fixed credentials per source, from configuration, an environment variable or a file, each sent only to the
/// operations it is for; never logged; a missing one stops the host; an unmet OpenAPI security requirement is warned about.
/// Real web host, real downstream on loopback.
/// </summary>
public sealed class SourceCredentialsTests : IAsyncLifetime
{
    private const string Auth = "Bff:Sources:tenants:Auth:Credentials";
    private readonly string _apiKey = "key-" + Guid.NewGuid().ToString("N");
    private readonly string _bearer = "Bearer tok-" + Guid.NewGuid().ToString("N");
    private readonly string _variable = "BFF_TEST_KEY_" + Guid.NewGuid().ToString("N");
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"bff-secret-{Guid.NewGuid():N}");
    private TenantService _tenants = null!;
    private string _schema = null!;

    public async Task InitializeAsync()
    {
        _tenants = await TenantService.StartAsync();
        _schema = CustomSchema.Write(TenantService.Sdl);
        Environment.SetEnvironmentVariable(_variable, _apiKey);
        await File.WriteAllTextAsync(_file, _bearer + "\n");
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        File.Delete(_file);
        CustomSchema.Delete(_schema);
        await _tenants.DisposeAsync();
    }

    [Fact]
    public async Task Each_operation_receives_its_own_credentials_and_no_value_is_logged()
    {
        var logs = new LogCapture();
        using var host = new TestHost<Bff.WebBff.Program>(_tenants.Settings(_schema,
            ("Logging:LogLevel:Default", "Trace"), ("Logging:LogLevel:System.Net.Http.HttpClient", "Trace"), ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"),
            ($"{Auth}:0:Header", "X-Api-Key"), ($"{Auth}:0:ValueFrom", "env:" + _variable), ($"{Auth}:0:Operations:0", "getReport"),
            ($"{Auth}:1:Header", "Authorization"), ($"{Auth}:1:ValueFrom", "file:" + _file), ($"{Auth}:1:Operations:0", "getInvoices"),
            ($"{Auth}:2:Header", "X-Tenant"), ($"{Auth}:2:Value", "acme")), logs.Register);

        var (status, body) = await host.PostAsync("{ tenant report invoices }");

        Assert.Equal(200, status);
        Assert.Equal("tenant-acme", (string?)body["data"]!["report"]);
        var tenant = Assert.Single(_tenants.HeadersOf("/tenant"));
        Assert.False(tenant.ContainsKey("X-Api-Key") || tenant.ContainsKey("Authorization"));
        var report = Assert.Single(_tenants.HeadersOf("/reports"));
        Assert.Equal(_apiKey, report["X-Api-Key"]);
        Assert.False(report.ContainsKey("Authorization"));
        var invoices = Assert.Single(_tenants.HeadersOf("/invoices"));
        Assert.Equal(_bearer, invoices["Authorization"]);
        Assert.False(invoices.ContainsKey("X-Api-Key"));
        Assert.All([tenant, report, invoices], headers => Assert.Equal("acme", headers["X-Tenant"]));
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(_apiKey, StringComparison.Ordinal) || e.Message.Contains(_bearer, StringComparison.Ordinal));
        Assert.Equal(0, logs.Count(3001));
    }

    [Fact]
    public void Missing_variable_unreadable_file_and_unknown_operation_stop_the_host_naming_source_and_field()
    {
        var missing = "BFF_TEST_MISSING_" + Guid.NewGuid().ToString("N");
        var nowhere = Path.Combine(Path.GetTempPath(), $"bff-none-{Guid.NewGuid():N}", "secret");
        using var factory = new BffHostFactory<Bff.WebBff.Program>(_tenants.Settings(_schema,
            ($"{Auth}:0:Header", "X-Api-Key"), ($"{Auth}:0:ValueFrom", "env:" + missing),
            ($"{Auth}:1:Header", "Authorization"), ($"{Auth}:1:ValueFrom", "file:" + nowhere),
            ($"{Auth}:2:Header", "X-Tenant"), ($"{Auth}:2:Value", "acme"), ($"{Auth}:2:Operations:0", "getReprt")));

        var ex = Record.Exception(() => factory.StartServer());

        Assert.NotNull(ex);
        var message = ex.ToString();
        Assert.Contains($"Bff:Sources:tenants:Auth:Credentials:0:ValueFrom: environment variable '{missing}' is not set.", message);
        Assert.Contains($"Bff:Sources:tenants:Auth:Credentials:1:ValueFrom: cannot read file '{nowhere}'", message);
        Assert.Contains("Bff:Sources:tenants:Auth:Credentials:2:Operations: 'getReprt' is not an operation of", message);
    }

    [Fact]
    public void Unmet_OpenAPI_security_requirements_are_warned_about_at_start_up()
    {
        var logs = new LogCapture();
        using var host = new TestHost<Bff.WebBff.Program>(_tenants.Settings(_schema,
            ($"{Auth}:0:Header", "X-Api-Key"), ($"{Auth}:0:Value", _apiKey), ($"{Auth}:0:Operations:0", "getInvoices")), logs.Register);

        var warnings = logs.Entries.Where(e => e.EventId.Id == 3001).Select(e => e.Message).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("Source tenants: operation getInvoices requires Authorization (OpenAPI security)", warnings[0]);
        Assert.StartsWith("Source tenants: operation getReport requires X-Api-Key (OpenAPI security)", warnings[1]);
        Assert.All(logs.Entries.Where(e => e.EventId.Id == 3001), e => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, e.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(_apiKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Conflicting_credential_options_are_reported_together()
    {
        var source = new SourceOptions();
        source.ForwardHeaders.Add("X-Tenant");
        source.Auth.Mode = SourceAuthMode.Forward;
        source.Auth.Credentials.Add(new SourceCredentialOptions { Header = "Authorization", Value = "Bearer x" });
        source.Auth.Credentials.Add(new SourceCredentialOptions { Header = "X-Tenant", Value = "a", ValueFrom = "env:X" });
        source.Auth.Credentials.Add(new SourceCredentialOptions { Header = "X-Key", ValueFrom = "vault:x" });
        source.Auth.Credentials.Add(new SourceCredentialOptions { Header = "X-Key", Value = "b" });

        var errors = OutgoingHeaders.Validate(new Dictionary<string, SourceOptions> { ["billing"] = source }).ToList();

        Assert.Contains("Bff:Sources:billing:Auth:Credentials:0:Header: Authorization carries the caller's token (Bff:Sources:billing:Auth:Mode = Forward).", errors);
        Assert.Contains("Bff:Sources:billing:Auth:Credentials:1:Header: 'X-Tenant' is also in Bff:Sources:billing:ForwardHeaders; send it one way.", errors);
        Assert.Contains("Bff:Sources:billing:Auth:Credentials:1: set Value or ValueFrom, not both.", errors);
        Assert.Contains("Bff:Sources:billing:Auth:Credentials:2:ValueFrom: must be 'env:NAME' (an environment variable) or 'file:/path' (a file).", errors);
        Assert.Contains("Bff:Sources:billing:Auth: more than one credential sets header 'X-Key' on the same operation.", errors);
    }
}
