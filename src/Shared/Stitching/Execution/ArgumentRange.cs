using GraphQL;
using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>An <c>@range(min, max)</c> bound on an Int argument, checked before any downstream call.</summary>
internal sealed record ArgumentRange(string Argument, int? Min, int? Max)
{
    public static IReadOnlyList<ArgumentRange> Read(FieldType field) =>
        (field.Arguments ?? [])
            .Select(a => (a.Name, Directive: a.GetAppliedDirectives()?.Find("range")))
            .Where(a => a.Directive is not null)
            .Select(a => new ArgumentRange(
                a.Name,
                a.Directive!.FindArgument("min")?.Value is { } min ? Convert.ToInt32(min, System.Globalization.CultureInfo.InvariantCulture) : null,
                a.Directive!.FindArgument("max")?.Value is { } max ? Convert.ToInt32(max, System.Globalization.CultureInfo.InvariantCulture) : null))
            .ToList();

    public void Check(IResolveFieldContext context)
    {
        if (context.Arguments?.TryGetValue(Argument, out var value) != true || value.Value is not int number)
        {
            return;
        }

        if (number < Min || number > Max)
        {
            throw new BffError(
                ErrorCodes.BadUserInput,
                $"Argument '{Argument}' must be between {Min?.ToString() ?? "-∞"} and {Max?.ToString() ?? "∞"}; got {number}.",
                new Dictionary<string, object?> { ["argument"] = Argument, ["min"] = Min, ["max"] = Max });
        }
    }
}
