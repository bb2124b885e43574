using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Abstractions;
using Runtime.Log;
using Runtime.Snapshots;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Snapshots;

public sealed class SnapshotCacheTests
{
    [Fact]
    public async Task PublishSnapshot_AfterMessages_EverySiloCacheSeesTheLatest()
    {
        var cluster = RealServices.UniqueName("snap");
        await using var first = await TestSilo.StartAsync(cluster);
        await using var second = await TestSilo.StartAsync(cluster);
        var events = Enumerable.Range(0, 200).Select(i => new CounterEvent($"s{i % 20}", 2)).ToList();

        await ClusterTestKit.ProduceAsync(first, events);

        var grain = new GrainId("total", TotalGrain.TheKey);
        foreach (var silo in new[] { first, second })
        {
            var cache = silo.Services.GetRequiredService<SnapshotCache>();
            await Eventually.TrueAsync(
                () => cache.TryGet<TotalSnapshot>(grain, out var snapshot) && snapshot.Events == events.Count,
                ClusterTestKit.Patience,
                "the latest total in every silo's cache");
            Assert.True(cache.TryGet<TotalSnapshot>(grain, out var seen));
            Assert.Equal(400, seen.Sum);
        }
    }

    [Fact]
    public async Task Start_TopicWithEarlierSnapshots_CatchesUpBeforeReportingReady()
    {
        var cluster = RealServices.UniqueName("snap-ready");
        await using var silo = await TestSilo.StartAsync(cluster);
        await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("r1", 3)]);
        var grain = new GrainId("total", TotalGrain.TheKey);
        var cache = silo.Services.GetRequiredService<SnapshotCache>();
        await Eventually.TrueAsync(() => cache.TryGet<TotalSnapshot>(grain, out _), ClusterTestKit.Patience, "first snapshot");

        using var late = new SnapshotCache(NullLogger<SnapshotCache>.Instance);
        late.Register<ITotalGrain, TotalSnapshot>(TestGrainsJsonContext.Default.TotalSnapshot);
        late.Start(silo.Services.GetRequiredService<IPartitionedLog>(), silo.Runtime.Topics.Snapshots);
        await Eventually.TrueAsync(() => late.IsCaughtUp, ClusterTestKit.Patience, "a new cache catching up");

        Assert.True(late.TryGet<TotalSnapshot>(grain, out var snapshot));
        Assert.Equal(3, snapshot.Sum);
    }

    [Fact]
    public void Apply_UndecodableOrUnkeyedRecords_KeepsThePreviousSnapshot()
    {
        using var cache = new SnapshotCache(NullLogger<SnapshotCache>.Instance);
        cache.Register<ITotalGrain, TotalSnapshot>(TestGrainsJsonContext.Default.TotalSnapshot);
        var key = System.Text.Encoding.UTF8.GetBytes("total/all");

        cache.Apply(new LogRecord("t", 0, 0, key, """{"events":1,"sum":2,"messages":1}"""u8.ToArray()));
        cache.Apply(new LogRecord("t", 0, 1, key, "{oops"u8.ToArray()));
        cache.Apply(new LogRecord("t", 0, 2, null, """{"events":9,"sum":9,"messages":9}"""u8.ToArray()));

        Assert.True(cache.TryGet<TotalSnapshot>(new GrainId("total", "all"), out var snapshot));
        Assert.Equal(new TotalSnapshot(1, 2, 1), snapshot);
    }
}
