using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bff.Protobuf;

/// <summary>
/// Lenient conversions from JSON values to protobuf scalars: integers from numbers or numeric strings,
/// floats from numbers or <c>"NaN"</c>/<c>"Infinity"</c>, bools from <c>true</c> or <c>"true"</c>, bytes from base64.
/// </summary>
internal static class ProtoJsonScalars
{
    /// <summary>Gets the <see cref="JsonElement"/> behind <paramref name="value"/>, serializing CLR-backed values.</summary>
    public static JsonElement ToElement(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            return element;
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>Gets a JSON string element holding <paramref name="text"/> (used for map keys).</summary>
    public static JsonElement FromString(string text) => ToElement(JsonValue.Create(text));

    /// <summary>Converts to a signed integer within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static bool TrySigned(JsonElement element, long min, long max, out long value)
    {
        value = 0;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value))
        {
            return value >= min && value <= max;
        }

        if (element.ValueKind == JsonValueKind.String
            && long.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return value >= min && value <= max;
        }

        return TryIntegral(element, out var d) && d >= min && d <= max && (value = (long)d) == d;
    }

    /// <summary>Converts to an unsigned integer up to <paramref name="max"/>.</summary>
    public static bool TryUnsigned(JsonElement element, ulong max, out ulong value)
    {
        value = 0;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out value))
        {
            return value <= max;
        }

        if (element.ValueKind == JsonValueKind.String
            && ulong.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value <= max;
        }

        return TryIntegral(element, out var d) && d >= 0 && d <= max && (value = (ulong)d) == d;
    }

    /// <summary>Converts to a double; <paramref name="isFloat"/> also checks the float range.</summary>
    public static bool TryDouble(JsonElement element, bool isFloat, out double value)
    {
        value = 0;
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        var ok = text switch
        {
            "NaN" => Assign(double.NaN, out value),
            "Infinity" => Assign(double.PositiveInfinity, out value),
            "-Infinity" => Assign(double.NegativeInfinity, out value),
            null => element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value),
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value),
        };
        return ok && (!isFloat || !double.IsFinite(value) || Math.Abs(value) <= float.MaxValue);
    }

    /// <summary>Converts to a bool (<c>true</c>, <c>false</c>, <c>"true"</c>, <c>"false"</c>).</summary>
    public static bool TryBool(JsonElement element, out bool value)
    {
        value = element.ValueKind == JsonValueKind.True
            || (element.ValueKind == JsonValueKind.String && element.GetString() == "true");
        return element.ValueKind is JsonValueKind.True or JsonValueKind.False
            || (element.ValueKind == JsonValueKind.String && element.GetString() is "true" or "false");
    }

    /// <summary>Converts to a string; numbers are accepted as their JSON text (GraphQL IDs may arrive as numbers).</summary>
    public static bool TryString(JsonElement element, out string value)
    {
        value = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Number => element.GetRawText(),
            _ => string.Empty,
        };
        return element.ValueKind is JsonValueKind.String or JsonValueKind.Number;
    }

    /// <summary>Converts standard or URL-safe base64 (padding optional) to bytes.</summary>
    public static bool TryBytes(JsonElement element, out byte[] value)
    {
        value = [];
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString()!.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[text.Length * 3 / 4];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        value = buffer[..written];
        return true;
    }

    /// <summary>Converts an enum value name or number; closed (proto2) enums accept only declared numbers.</summary>
    public static bool TryEnum(JsonElement element, ProtoEnum type, out int value)
    {
        value = 0;
        if (element.ValueKind == JsonValueKind.String && type.TryGetValue(element.GetString()!, out var named))
        {
            value = named.Number;
            return true;
        }

        if (!TrySigned(element, int.MinValue, int.MaxValue, out var number))
        {
            return false;
        }

        value = (int)number;
        return !type.IsClosed || type.TryGetValue(value, out _);
    }

    private static bool Assign(double constant, out double value)
    {
        value = constant;
        return true;
    }

    private static bool TryIntegral(JsonElement element, out double value)
    {
        value = 0;
        var ok = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return ok && double.IsFinite(value) && Math.Floor(value) == value;
    }
}
