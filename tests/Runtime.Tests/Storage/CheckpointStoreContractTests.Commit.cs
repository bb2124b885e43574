using Runtime.Storage;

namespace Runtime.Tests.Storage;

public abstract partial class CheckpointStoreContractTests
{
    [Fact]
    public async Task CommitAsync_StatesPositionsAndDedupeMarks_RoundTrip()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        byte[] binary = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];

        await store.CommitAsync(
            new(Cluster, 0, lease.Epoch, Map(("orders", 100)), Map(("p3", 9)), [new("blob", "bytes", binary), new("blob", "empty", []), Write("counter", "a", "{\"n\":1}")]),
            Ct);

        var blobs = await store.ReadGrainsAsync(Cluster, "blob", ["bytes", "empty"], Ct);
        Assert.Equal(binary, blobs["bytes"].State);
        Assert.Empty(blobs["empty"].State);
        Assert.Equal(Start.AddMinutes(1), blobs["bytes"].UpdatedAt);
        Assert.Equal("{\"n\":1}", await ReadTextAsync(store, "counter", "a"));
        var next = await store.AcquireAsync(Cluster, 0, SiloB, Ct);
        Assert.Equal(Map(("orders", 100)), next.Positions);
        Assert.Equal(Map(("p3", 9)), next.DedupeMarks);
    }

    [Fact]
    public async Task CommitAsync_ExistingGrain_ReplacesStateAndUpdatedAt()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.CommitAsync(Checkpoint(0, lease.Epoch, Map(("orders", 1)), Write("counter", "a", "1")), Ct);
        Time.Advance(TimeSpan.FromSeconds(5));

        await store.CommitAsync(Checkpoint(0, lease.Epoch, Map(("orders", 2)), Write("counter", "a", "2")), Ct);

        var found = await store.ReadGrainsAsync(Cluster, "counter", ["a"], Ct);
        Assert.Equal("2"u8.ToArray(), found["a"].State);
        Assert.Equal(Start.AddSeconds(5), found["a"].UpdatedAt);
    }

    [Fact]
    public async Task CommitAsync_NullState_DeletesGrain()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.CommitAsync(Checkpoint(0, lease.Epoch, None, Write("counter", "a", "1"), Write("counter", "b", "2")), Ct);

        await store.CommitAsync(Checkpoint(0, lease.Epoch, None, Write("counter", "a", null), Write("counter", "never-stored", null)), Ct);

        var found = await store.ReadGrainsAsync(Cluster, "counter", ["a", "b", "never-stored"], Ct);
        Assert.Equal(["b"], found.Keys);
    }

    [Fact]
    public async Task CommitAsync_DuplicateKeysInOneCommit_LastWriteWins()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.CommitAsync(Checkpoint(0, lease.Epoch, None, Write("counter", "deleted-last", "old")), Ct);

        await store.CommitAsync(
            Checkpoint(
                0,
                lease.Epoch,
                None,
                Write("counter", "twice", "1"),
                Write("counter", "deleted-last", "new"),
                Write("counter", "written-last", null),
                Write("counter", "twice", "2"),
                Write("counter", "deleted-last", null),
                Write("counter", "written-last", "3")),
            Ct);

        Assert.Equal("2", await ReadTextAsync(store, "counter", "twice"));
        Assert.Null(await ReadTextAsync(store, "counter", "deleted-last"));
        Assert.Equal("3", await ReadTextAsync(store, "counter", "written-last"));
    }

    [Fact]
    public async Task CommitAsync_StaleEpoch_ThrowsFencedAndWritesNothing()
    {
        var oldOwner = await NewStoreAsync();
        var stale = await oldOwner.AcquireAsync(Cluster, 0, SiloA, Ct);
        await oldOwner.CommitAsync(Checkpoint(0, stale.Epoch, Map(("orders", 10)), Write("counter", "a", "1"), Write("counter", "b", "1")), Ct);
        var newOwner = await NewStoreAsync();
        await newOwner.AcquireAsync(Cluster, 0, SiloB, Ct);

        var fenced = await Assert.ThrowsAsync<PartitionFencedException>(() => oldOwner.CommitAsync(
            Checkpoint(0, stale.Epoch, Map(("orders", 20)), Write("counter", "a", "2"), Write("counter", "b", null), Write("counter", "c", "new")),
            Ct));

        Assert.Equal((Cluster, 0, stale.Epoch), (fenced.Cluster, fenced.Partition, fenced.Epoch));
        Assert.Equal("1", await ReadTextAsync(newOwner, "counter", "a"));
        Assert.Equal("1", await ReadTextAsync(newOwner, "counter", "b"));
        Assert.Null(await ReadTextAsync(newOwner, "counter", "c"));
        var third = await newOwner.AcquireAsync(Cluster, 0, SiloA, Ct);
        Assert.Equal(Map(("orders", 10)), third.Positions);
    }

    [Fact]
    public async Task CommitAsync_NeverAcquiredPartition_ThrowsFenced()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<PartitionFencedException>(() => store.CommitAsync(Checkpoint(5, 1, None, Write("counter", "a", "1")), Ct));

        Assert.Null(await ReadTextAsync(store, "counter", "a"));
    }

    [Fact]
    public async Task CommitAsync_RacingAcquire_LoserIsFenced()
    {
        var stores = new[] { await NewStoreAsync(), await NewStoreAsync() };
        var silos = new[] { SiloA, SiloB };
        var lease = await stores[0].AcquireAsync(Cluster, 0, SiloA, Ct);
        long? committed = null;

        for (var round = 1; round <= 25; round++)
        {
            var (owner, challenger) = (stores[(round - 1) % 2], stores[round % 2]);
            var offset = round * 10L;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var epoch = lease.Epoch;
            var commit = Task.Run(async () =>
            {
                await start.Task;
                await owner.CommitAsync(Checkpoint(0, epoch, Map(("orders", offset)), Write("counter", "k", $"{offset}")), Ct);
            });
            var acquire = Task.Run(async () =>
            {
                await start.Task;
                return await challenger.AcquireAsync(Cluster, 0, silos[round % 2], Ct);
            });
            start.SetResult();

            var next = await acquire;
            if (await SucceededAsync(commit))
            {
                committed = offset;
            }

            // Either the commit came first and the new owner starts from it, or it was fenced and left no trace.
            Assert.Equal(epoch + 1, next.Epoch);
            Assert.Equal(committed, next.Positions.TryGetValue("orders", out var position) ? (long?)position : null);
            Assert.Equal(committed?.ToString(System.Globalization.CultureInfo.InvariantCulture), await ReadTextAsync(challenger, "counter", "k"));
            await Assert.ThrowsAsync<PartitionFencedException>(() =>
                owner.CommitAsync(Checkpoint(0, epoch, Map(("orders", -1)), Write("counter", "k", "stale")), Ct));
            lease = next;
        }
    }
}
