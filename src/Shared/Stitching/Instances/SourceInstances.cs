namespace Bff.Stitching.Instances;

/// <summary>
/// The instances (addresses) of one source and whether each is currently considered up. Calls take instances in
/// round-robin order, up instances first; an instance that refused a connection is skipped until its recheck time,
/// then tried again in turn, so a restarted instance gets its share back without a health probe of its own.
/// </summary>
public sealed class SourceInstances
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _recheck;
    private Instance[] _instances;
    private uint _next;

    /// <summary>Creates the instances at <paramref name="addresses"/>; each down instance is tried again after <paramref name="recheck"/>.</summary>
    public SourceInstances(IReadOnlyList<Uri> addresses, TimeSpan recheck, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Count);
        _recheck = recheck;
        _time = time;
        _instances = [.. addresses.Select(a => new Instance(a))];
    }

    /// <summary>Gets the current addresses.</summary>
    public IReadOnlyList<Uri> Addresses => [.. Volatile.Read(ref _instances).Select(i => i.Address)];

    /// <summary>
    /// Gets the order in which one call tries the instances: from the next one in round-robin order, those considered
    /// up (or due for a recheck) first, then the others, so a call still has somewhere to go when every one is down.
    /// </summary>
    public IReadOnlyList<Uri> NextOrder()
    {
        var now = _time.GetUtcNow();
        var first = new List<Uri>();
        var last = new List<Uri>();
        lock (_gate)
        {
            var count = _instances.Length;
            var start = (int)(_next++ % (uint)count);
            for (var i = 0; i < count; i++)
            {
                var instance = _instances[(start + i) % count];
                (!instance.Down || instance.RecheckAt <= now ? first : last).Add(instance.Address);
            }
        }

        first.AddRange(last);
        return first;
    }

    /// <summary>Replaces the addresses (e.g. after service discovery saw a configuration change), keeping the state of those that stay.</summary>
    public void Update(IReadOnlyList<Uri> addresses)
    {
        lock (_gate)
        {
            if (addresses.Count == 0 || addresses.SequenceEqual(_instances.Select(i => i.Address)))
            {
                return;
            }

            _instances = [.. addresses.Select(a => _instances.FirstOrDefault(i => Same(i.Address, a)) ?? new Instance(a))];
        }
    }

    /// <summary>Records that <paramref name="address"/> accepted a connection: it is up.</summary>
    public void MarkUp(Uri address) => Set(address, down: false);

    /// <summary>Records that <paramref name="address"/> could not be reached: skipped until its recheck time.</summary>
    public void MarkDown(Uri address) => Set(address, down: true);

    /// <summary>Gets each address and whether it is currently considered up.</summary>
    public IReadOnlyList<InstanceHealth> Snapshot()
    {
        lock (_gate)
        {
            return [.. _instances.Select(i => new InstanceHealth(i.Address.ToString(), !i.Down))];
        }
    }

    private void Set(Uri address, bool down)
    {
        lock (_gate)
        {
            foreach (var instance in _instances.Where(i => Same(i.Address, address)))
            {
                instance.Down = down;
                instance.RecheckAt = down ? _time.GetUtcNow() + _recheck : default;
            }
        }
    }

    private static bool Same(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private sealed class Instance(Uri address)
    {
        public Uri Address { get; } = address;

        public bool Down { get; set; }

        public DateTimeOffset RecheckAt { get; set; }
    }
}

/// <summary>One instance of a source as the readiness endpoint shows it.</summary>
/// <param name="Address">The instance's address.</param>
/// <param name="Up"><see langword="false"/> while the instance is skipped because it could not be reached.</param>
public sealed record InstanceHealth(string Address, bool Up);
