using System.Net.WebSockets;
using System.Text;
using GraphQL.Transport;
using Microsoft.AspNetCore.Connections;

namespace Bff.Subscriptions.WebSockets;

/// <summary>The single writer of a socket: messages in order, then the close frame.</summary>
internal sealed partial class GraphQLWebSocketConnection
{
    // A close reason is limited to 123 bytes of UTF-8 by RFC 6455.
    private const int MaxReasonBytes = 123;

    private static readonly (int Code, string Reason) TooSlow =
        (WebSocketCloseCodes.SubscriberTooSlow, ErrorCodes.SubscriberTooSlow + ": messages were not read fast enough");

    /// <summary>
    /// Closes the socket with <paramref name="code"/> (the first close wins): every operation ends now, queued messages
    /// are still sent (unless the client is too slow to take them), then the close frame; a client that does not
    /// take them within the grace period is aborted.
    /// </summary>
    private void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        SubscriptionsLog.Closing(_endpoint.Logger, code, reason);
        _close = (code, Truncate(reason));
        EndOperations();
        _outbox.Complete();
        _sending.CancelAfter(CloseGrace);
    }

    private async Task WriteAsync()
    {
        var reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_sending.Token).ConfigureAwait(false))
            {
                while (!_outbox.Overflowed && reader.TryRead(out var message))
                {
                    var json = _endpoint.Serializer.Serialize(new OperationMessage { Type = message.Type, Id = message.Id, Payload = message.Payload });
                    await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, _sending.Token).ConfigureAwait(false);
                }

                if (_outbox.Overflowed)
                {
                    break;
                }
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // The overflow is decided before its Close() has recorded why: the outbox's word is final.
                var (code, reason) = _outbox.Overflowed ? TooSlow : _close ?? ((int)WebSocketCloseStatus.NormalClosure, "");
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, _sending.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ConnectionAbortedException or IOException)
        {
            _socket.Abort();
        }
        finally
        {
            // The reader waits for the client's close frame only briefly once ours is sent.
            _reading.CancelAfter(CloseGrace);
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes - 3)
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }
}
