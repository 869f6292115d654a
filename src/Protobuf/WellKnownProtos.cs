namespace Bff.Protobuf;

/// <summary>
/// The names of the well-known types in <c>google/protobuf/*.proto</c> whose JSON form is not an object of
/// their fields (proto3 JSON mapping).
/// </summary>
internal static class WellKnownProtos
{
    /// <summary>The full name of <c>google.protobuf.Timestamp</c>.</summary>
    public const string Timestamp = "google.protobuf.Timestamp";

    /// <summary>The full name of <c>google.protobuf.Duration</c>.</summary>
    public const string Duration = "google.protobuf.Duration";

    /// <summary>The full name of <c>google.protobuf.Struct</c>.</summary>
    public const string Struct = "google.protobuf.Struct";

    /// <summary>The full name of <c>google.protobuf.Value</c>.</summary>
    public const string Value = "google.protobuf.Value";

    /// <summary>The full name of <c>google.protobuf.ListValue</c>.</summary>
    public const string ListValue = "google.protobuf.ListValue";

    /// <summary>The full name of <c>google.protobuf.FieldMask</c>, whose JSON form is <c>"a.b,c"</c>.</summary>
    public const string FieldMask = "google.protobuf.FieldMask";

    /// <summary>The full name of <c>google.protobuf.Any</c>, whose JSON form is the packed message with an <c>@type</c>.</summary>
    public const string Any = "google.protobuf.Any";

    /// <summary>
    /// Gets a value indicating whether <paramref name="fullName"/> is a wrapper (<c>google.protobuf.StringValue</c>, ...)
    /// whose JSON form is its bare <c>value</c>.
    /// </summary>
    public static bool IsWrapper(string fullName) => fullName is "google.protobuf.DoubleValue" or "google.protobuf.FloatValue"
        or "google.protobuf.Int64Value" or "google.protobuf.UInt64Value" or "google.protobuf.Int32Value"
        or "google.protobuf.UInt32Value" or "google.protobuf.BoolValue" or "google.protobuf.StringValue"
        or "google.protobuf.BytesValue";

    /// <summary>Gets a value indicating whether <paramref name="fullName"/> has a special JSON form.</summary>
    public static bool HasSpecialJson(string fullName) =>
        IsWrapper(fullName) || fullName is Timestamp or Duration or Struct or Value or ListValue or FieldMask or Any;
}
