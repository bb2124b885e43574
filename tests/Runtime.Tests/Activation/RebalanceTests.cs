using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class RebalanceTests
{
    [Fact]
    public async Task SecondSiloJoins_PartitionsSplitAndStateMovesWithThem()
    {
        var cluster = RealServices.UniqueName("rebal");
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToList();
        await using var first = await TestSilo.StartAsync(cluster);
        await ClusterTestKit.ProduceAsync(first, keys.SelectMany(key => Enumerable.Repeat(new CounterEvent(key, 2), 5)));
        await ClusterTestKit.WaitForCountsAsync(first, keys.ToDictionary(k => k, _ => 5L));

        await using var second = await TestSilo.StartAsync(cluster);
        await ClusterTestKit.WaitForSplitAsync(first, second);
        await ClusterTestKit.ProduceAsync(first, keys.SelectMany(key => Enumerable.Repeat(new CounterEvent(key, 3), 5)));
        await ClusterTestKit.WaitForCountsAsync(second, keys.ToDictionary(k => k, _ => 10L));

        foreach (var key in keys)
        {
            var viaFirst = await first.Grains.GetGrain<ICounterGrain>(key).GetAsync();
            var viaSecond = await second.Grains.GetGrain<ICounterGrain>(key).GetAsync();
            Assert.Equal(10, viaFirst.Events);
            Assert.Equal(25, viaFirst.Sum);
            Assert.Equal(viaFirst, viaSecond);
        }

        Assert.NotEmpty(second.Runtime.Partitions());
    }

    [Fact]
    public async Task SiloLeaves_SurvivorTakesOverFromLastCheckpointWithoutLossOrDuplicates()
    {
        var cluster = RealServices.UniqueName("leave");
        var keys = Enumerable.Range(0, 30).Select(i => $"u{i}").ToList();
        await using var survivor = await TestSilo.StartAsync(cluster);
        var leaver = await TestSilo.StartAsync(cluster);
        await ClusterTestKit.WaitForSplitAsync(survivor, leaver);
        await ClusterTestKit.ProduceAsync(survivor, keys.SelectMany(key => Enumerable.Repeat(new CounterEvent(key, 1), 4)));
        await ClusterTestKit.WaitForCountsAsync(survivor, keys.ToDictionary(k => k, _ => 4L));

        await leaver.DisposeAsync();
        await ClusterTestKit.ProduceAsync(survivor, keys.SelectMany(key => Enumerable.Repeat(new CounterEvent(key, 1), 4)));
        await ClusterTestKit.WaitForCountsAsync(survivor, keys.ToDictionary(k => k, _ => 8L));

        Assert.Equal(survivor.Runtime.PartitionCount, survivor.Runtime.Partitions().Count);
        foreach (var key in keys)
        {
            Assert.Equal(8, (await survivor.Grains.GetGrain<ICounterGrain>(key).GetAsync()).Sum);
        }
    }
}
