using System.Text.Json.Serialization;

namespace Bff.Session;

/// <summary>Source-generated JSON of session records: read on every cookie request, so no reflection.</summary>
[JsonSerializable(typeof(SessionRecord))]
internal sealed partial class SessionJson : JsonSerializerContext;
