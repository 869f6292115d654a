using Bff.Stitching.Instances;
using Microsoft.Extensions.Time.Testing;

namespace Bff.Tests.Stitching.Instances;

public sealed class SourceInstancesTests
{
    private static readonly Uri A = new("http://a:8080");
    private static readonly Uri B = new("http://b:8080");
    private static readonly Uri C = new("http://c:8080");

    [Fact]
    public void Calls_start_at_each_instance_in_turn()
    {
        var instances = new SourceInstances([A, B, C], TimeSpan.FromSeconds(5), new FakeTimeProvider());

        var firsts = Enumerable.Range(0, 6).Select(_ => instances.NextOrder()[0]).ToList();

        Assert.Equal([A, B, C, A, B, C], firsts);
        Assert.Equal([A, B, C], instances.NextOrder()); // every instance, from the next one round
    }

    [Fact]
    public void Down_instance_goes_last_until_its_recheck_time()
    {
        var time = new FakeTimeProvider();
        var instances = new SourceInstances([A, B, C], TimeSpan.FromSeconds(5), time);

        instances.MarkDown(B);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(B, instances.NextOrder()[^1]);
        }

        Assert.Equal([true, false, true], instances.Snapshot().Select(s => s.Up));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Contains(Enumerable.Range(0, 3), _ => instances.NextOrder()[0] == B);
        instances.MarkUp(B);
        Assert.All(instances.Snapshot(), s => Assert.True(s.Up));
    }

    [Fact]
    public void Update_keeps_the_state_of_addresses_that_stay()
    {
        var instances = new SourceInstances([A, B], TimeSpan.FromSeconds(5), new FakeTimeProvider());
        instances.MarkDown(B);

        instances.Update([B, C]);

        Assert.Equal([B, C], instances.Addresses);
        Assert.Equal([false, true], instances.Snapshot().Select(s => s.Up));
    }
}
