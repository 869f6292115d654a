using System.Security.Claims;
using System.Text.Json.Nodes;

namespace Bff.Stitching.Execution;

/// <summary>The values a binding's templates can read for one call.</summary>
/// <param name="Args">The field's arguments, as JSON.</param>
/// <param name="Parent">The parent's downstream object.</param>
/// <param name="User">The caller.</param>
/// <param name="Keys">The keys of a batched call.</param>
/// <param name="Selection">What the client selected below the field, for protocols that pass it on (remote GraphQL).</param>
public sealed record BindingScope(JsonObject Args, JsonNode? Parent, ClaimsPrincipal? User, JsonArray? Keys = null, FieldSelection? Selection = null);
