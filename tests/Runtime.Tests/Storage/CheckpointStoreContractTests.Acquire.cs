using Runtime.Storage;

namespace Runtime.Tests.Storage;

public abstract partial class CheckpointStoreContractTests
{
    [Fact]
    public async Task AcquireAsync_FirstTime_ReturnsEpochOneAndEmptyPositions()
    {
        var store = await NewStoreAsync();

        var lease = await store.AcquireAsync(Cluster, 3, SiloA, Ct);

        Assert.Equal(3, lease.Partition);
        Assert.Equal(1, lease.Epoch);
        Assert.Empty(lease.Positions);
        Assert.Empty(lease.DedupeMarks);
    }

    [Fact]
    public async Task AcquireAsync_AfterCommits_IncrementsEpochAndReturnsLastCommittedPositionsAndDedupeMarks()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.CommitAsync(new(Cluster, 0, lease.Epoch, Map(("orders", 10)), Map(("p7", 1)), []), Ct);
        await store.CommitAsync(new(Cluster, 0, lease.Epoch, Map(("orders", 12), ("payments", 3)), Map(("p7", 42), ("p9", 7)), []), Ct);

        var next = await (await NewStoreAsync()).AcquireAsync(Cluster, 0, SiloB, Ct);

        Assert.Equal(lease.Epoch + 1, next.Epoch);
        Assert.Equal(Map(("orders", 12), ("payments", 3)), next.Positions);
        Assert.Equal(Map(("p7", 42), ("p9", 7)), next.DedupeMarks);
    }

    [Fact]
    public async Task AcquireAsync_RepeatedWithoutCommit_IncrementsEpochAndKeepsEmptyPositions()
    {
        var store = await NewStoreAsync();

        var epochs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var lease = await store.AcquireAsync(Cluster, 0, i % 2 == 0 ? SiloA : SiloB, Ct);
            Assert.Empty(lease.Positions);
            epochs.Add(lease.Epoch);
        }

        Assert.Equal([1L, 2L, 3L], epochs);
    }

    [Fact]
    public async Task AcquireAsync_ConcurrentFirstAcquires_GetDistinctEpochs()
    {
        var stores = new[] { await NewStoreAsync(), await NewStoreAsync() };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acquires = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await stores[i % 2].AcquireAsync(Cluster, 0, i % 2 == 0 ? SiloA : SiloB, Ct);
        })).ToList();
        start.SetResult();

        var leases = await Task.WhenAll(acquires);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], leases.Select(lease => lease.Epoch).Order());
    }

    [Fact]
    public async Task ReadDirectoryAsync_AfterTakeover_ShowsLatestOwnerEpochAndTime()
    {
        var store = await NewStoreAsync();
        await store.AcquireAsync(Cluster, 1, SiloA, Ct);
        await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        Time.Advance(TimeSpan.FromSeconds(30));

        await (await NewStoreAsync()).AcquireAsync(Cluster, 1, SiloB, Ct);

        var directory = await store.ReadDirectoryAsync(Cluster, Ct);
        Assert.Equal(
            [
                new PartitionOwnership(0, 1, SiloA.SiloId, SiloA.Address, Start),
                new PartitionOwnership(1, 2, SiloB.SiloId, SiloB.Address, Start.AddSeconds(30)),
            ],
            directory);
    }

    [Fact]
    public async Task ReadDirectoryAsync_UnknownCluster_ReturnsEmpty()
    {
        var store = await NewStoreAsync();
        await store.AcquireAsync(Cluster, 0, SiloA, Ct);

        Assert.Empty(await store.ReadDirectoryAsync(Cluster + "-other", Ct));
    }
}
