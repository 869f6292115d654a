using System.Reflection;
using Bff.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Tests.Architecture;

/// <summary>Every [LoggerMessage] of Bff.Shared has its own event id, inside its area's range of <see cref="LogEventIds"/>.</summary>
public sealed class LogEventIdTests
{
    private static readonly List<(MethodInfo Method, int Id)> Messages = typeof(BffOptions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(m => m.Attribute is not null)
        .Select(m => (m.Method, m.Attribute!.EventId))
        .ToList();

    [Fact]
    public void The_assembly_has_log_messages_to_check()
    {
        Assert.True(Messages.Count >= 20, $"found only {Messages.Count} [LoggerMessage] methods");
    }

    [Fact]
    public void No_two_log_messages_share_an_event_id()
    {
        var clashes = Messages.GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name}"))}");
        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_event_id_lies_in_a_declared_range()
    {
        var outside = Messages.Where(m => !LogEventIds.Ranges.Any(r => m.Id >= r.First && m.Id <= r.Last))
            .Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name}: {m.Id}");
        Assert.Empty(outside);
    }

    [Fact]
    public void The_declared_ranges_do_not_overlap()
    {
        var ordered = LogEventIds.Ranges.OrderBy(r => r.First).ToList();
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.Last < pair.Second.First, $"{pair.First.Area} overlaps {pair.Second.Area}"));
    }
}
