using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Logging;

namespace Bff.Stitching.Instances;

/// <summary>
/// A round-robin balancer for one gRPC source (as gRPC's <c>round_robin</c>: every instance connected, calls taken in
/// turn by the ready ones, an instance that fails dropped until it reconnects) that also tells
/// <see cref="SourceInstances"/> which instances are ready, so the readiness endpoint shows each one as up or down.
/// Grpc.Net.Client's own round-robin balancer is internal, hence this one on its public base.
/// </summary>
internal sealed class InstanceBalancerFactory(SourceInstances instances) : LoadBalancerFactory
{
    /// <summary>The policy name a channel's service config selects this balancer with.</summary>
    public const string PolicyName = "bff_round_robin";

    public override string Name => PolicyName;

    /// <summary>Gets the service config that selects this balancer.</summary>
    public static ServiceConfig ServiceConfig() => new() { LoadBalancingConfigs = { new LoadBalancingConfig(PolicyName) } };

    public override LoadBalancer Create(LoadBalancerOptions options) =>
        new TrackingBalancer(options.Controller, options.LoggerFactory, instances);

    private sealed class TrackingBalancer(IChannelControlHelper controller, ILoggerFactory loggers, SourceInstances instances)
        : SubchannelsLoadBalancer(controller, loggers)
    {
        protected override SubchannelPicker CreatePicker(IReadOnlyList<Subchannel> readySubchannels)
        {
            var ready = readySubchannels.Select(s => s.CurrentAddress?.EndPoint).OfType<System.Net.DnsEndPoint>().ToList();
            foreach (var address in instances.Addresses)
            {
                if (ready.Any(r => string.Equals(r.Host, address.Host, StringComparison.OrdinalIgnoreCase) && r.Port == address.Port))
                {
                    instances.MarkUp(address);
                }
                else
                {
                    instances.MarkDown(address);
                }
            }

            return new RoundRobinPicker(readySubchannels);
        }
    }

    private sealed class RoundRobinPicker(IReadOnlyList<Subchannel> subchannels) : SubchannelPicker
    {
        private int _next = Random.Shared.Next(subchannels.Count);

        public override PickResult Pick(PickContext context)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)subchannels.Count);
            return PickResult.ForSubchannel(subchannels[index]);
        }
    }
}
