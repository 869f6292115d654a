using GraphQL.Resolvers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Hosting;

/// <summary>Configures a host's Bff gateway beyond configuration; returned by <c>AddBff()</c> for chaining.</summary>
public sealed class BffBuilder
{
    internal BffBuilder(IServiceCollection services, IConfiguration configuration, BffOptions options)
    {
        Services = services;
        Configuration = configuration;
        Options = options;
    }

    /// <summary>Gets the host's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the host's configuration.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Gets the options bound from the <c>Bff</c> section.</summary>
    public BffOptions Options { get; }

    internal Dictionary<string, IFieldResolver> Resolvers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The escape hatch: resolves the field at <paramref name="coordinate"/> (<c>Type.field</c>) with C# code instead of
    /// a binding. The field must exist and must not also carry <c>@rest</c> or <c>@grpc</c>; both are checked at start-up.
    /// </summary>
    public BffBuilder AddResolver(string coordinate, IFieldResolver resolver)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coordinate);
        ArgumentNullException.ThrowIfNull(resolver);
        Resolvers[coordinate] = resolver;
        return this;
    }
}
