using Bff.Samples.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Bff.Samples.Proposals;

/// <summary>Records every call in the <see cref="RequestLog"/>, then applies the <see cref="GrpcFaults"/>.</summary>
internal sealed class RecordingInterceptor(RequestLog log, GrpcFaults faults) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await RecordAndApplyFaultsAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await RecordAndApplyFaultsAsync(context);
        await continuation(request, responseStream, context);
    }

    private async Task RecordAndApplyFaultsAsync(ServerCallContext context)
    {
        var headers = context.RequestHeaders;
        log.Record(new RecordedRequest(
            context.Method.TrimStart('/'),
            "POST",
            context.Method,
            headers.GetValue("authorization"),
            headers.GetValue("accept-language"),
            headers.GetValue("x-correlation-id"),
            context.Deadline == DateTime.MaxValue ? null : context.Deadline - DateTime.UtcNow,
            headers.GetValue(RecordedRequest.TraceParentHeader)));

        if (faults.Delay is var delay && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.CancellationToken);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Cancelled, "The call ended during the injected delay."));
            }
        }

        if (faults.FailWithStatus is { } code)
        {
            throw new RpcException(new Status(code, "Fault injected by the demo service."));
        }
    }
}
