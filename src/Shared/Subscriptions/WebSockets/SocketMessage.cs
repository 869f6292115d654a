namespace Bff.Subscriptions.WebSockets;

/// <summary>A message the host sends on a socket (<c>connection_ack</c>, <c>next</c>, <c>error</c>, <c>complete</c>, <c>ping</c>, <c>pong</c>).</summary>
/// <param name="Type">The message type.</param>
/// <param name="Id">The operation it belongs to, if any.</param>
/// <param name="Payload">An execution result (<c>next</c>) or an error list (<c>error</c>).</param>
internal readonly record struct SocketMessage(string Type, string? Id = null, object? Payload = null)
{
    public static readonly SocketMessage Ack = new("connection_ack");
    public static readonly SocketMessage Ping = new("ping");
    public static readonly SocketMessage Pong = new("pong");
}
