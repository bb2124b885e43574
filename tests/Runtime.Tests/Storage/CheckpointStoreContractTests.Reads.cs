using System.Text;
using Runtime.Storage;
using TestInfrastructure;

namespace Runtime.Tests.Storage;

public abstract partial class CheckpointStoreContractTests
{
    [Fact]
    public async Task ReadGrainsAsync_MissingKeys_AreAbsent()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.CommitAsync(Checkpoint(0, lease.Epoch, None, Write("counter", "a", "1"), Write("counter", "c", "3")), Ct);

        var found = await store.ReadGrainsAsync(Cluster, "counter", ["a", "b", "c", "d"], Ct);

        Assert.Equal(["a", "c"], found.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadGrainsAsync_NoKeys_ReturnsEmpty()
    {
        var store = await NewStoreAsync();

        Assert.Empty(await store.ReadGrainsAsync(Cluster, "counter", [], Ct));
    }

    [Fact]
    public async Task ReadGrainsAsync_OtherGrainTypeWithSameKey_IsNotReturned()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.CommitAsync(Checkpoint(0, lease.Epoch, None, Write("counter", "a", "counter"), Write("account", "a", "account")), Ct);

        Assert.Equal("counter", await ReadTextAsync(store, "counter", "a"));
        Assert.Equal("account", await ReadTextAsync(store, "account", "a"));
        Assert.Empty(await store.ReadGrainsAsync(Cluster, "other", ["a"], Ct));
    }

    [Fact]
    public async Task ReadGrainsAsync_TwoThousandKeys_ReturnsEveryStoredOne()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        var writes = Enumerable.Range(0, 2_000).Select(i => Write("counter", $"key-{i}", $"value-{i}")).ToArray();
        await store.CommitAsync(Checkpoint(0, lease.Epoch, None, writes), Ct);
        var keys = Enumerable.Range(0, 2_100).Select(i => $"key-{i}").ToList();

        var found = await store.ReadGrainsAsync(Cluster, "counter", keys, Ct);

        Assert.Equal(2_000, found.Count);
        Assert.All(writes, write => Assert.Equal(write.State, found[write.Key].State));
    }

    [Fact]
    public async Task ReadGrainsAsync_KeysWithQuotesSeparatorsAndUnicode_RoundTrip()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        string[] keys = ["it's", "say \"hi\"", "a,b", "[\"x\"]", "back\\slash", "tab\there", "ünïcødé ✓", " padded ", "%_*"];
        await store.CommitAsync(Checkpoint(0, lease.Epoch, None, [.. keys.Select(key => Write("odd", key, key))]), Ct);

        var found = await store.ReadGrainsAsync(Cluster, "odd", keys, Ct);

        Assert.Equal(keys.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys, key => Assert.Equal(key, Encoding.UTF8.GetString(found[key].State)));
    }

    [Fact]
    public async Task Clusters_SamePartitionAndKey_AreIsolated()
    {
        var store = await NewStoreAsync();
        var otherCluster = RealServices.UniqueName("t");
        var mine = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        var theirs = await store.AcquireAsync(otherCluster, 0, SiloB, Ct);

        // The other cluster's epoch is its own, so its first lease is current even though ours moved on.
        Assert.Equal(1, mine.Epoch);
        Assert.Equal(1, theirs.Epoch);
        await store.CommitAsync(new(otherCluster, 0, theirs.Epoch, Map(("orders", 7)), None, [Write("counter", "a", "theirs")]), Ct);
        await Assert.ThrowsAsync<PartitionFencedException>(() => store.CommitAsync(Checkpoint(0, mine.Epoch, Map(("orders", 9)), Write("counter", "a", "mine")), Ct));

        Assert.Null(await ReadTextAsync(store, "counter", "a"));
        Assert.Equal("theirs", await ReadTextAsync(store, "counter", "a", otherCluster));
        Assert.Equal([SiloA.SiloId], (await store.ReadDirectoryAsync(Cluster, Ct)).Select(row => row.OwnerSiloId));
        Assert.Equal([SiloB.SiloId], (await store.ReadDirectoryAsync(otherCluster, Ct)).Select(row => row.OwnerSiloId));
        Assert.Empty((await store.AcquireAsync(Cluster, 0, SiloA, Ct)).Positions);
    }

    [Fact]
    public async Task HeartbeatAsync_Repeated_UpsertsWithCurrentTime()
    {
        var store = await NewStoreAsync();
        var startedAt = Start.AddMinutes(-1).ToOffset(TimeSpan.FromHours(2));
        var silo = new SiloRecord(SiloA.SiloId, SiloA.Address, "host-a", startedAt, DateTimeOffset.UnixEpoch, "Active");
        await store.HeartbeatAsync(Cluster, silo, Ct);
        Time.Advance(TimeSpan.FromSeconds(10));

        await store.HeartbeatAsync(Cluster, silo with { Status = "ShuttingDown" }, Ct);

        var silos = await store.ReadSilosAsync(Cluster, Ct);
        var row = Assert.Single(silos);
        Assert.Equal(silo with { LastHeartbeat = Start.AddSeconds(10), Status = "ShuttingDown" }, row);
    }

    [Fact]
    public async Task ReadSilosAsync_SeveralSilos_ListsThisClusterOnlyAliveOrNot()
    {
        var store = await NewStoreAsync();
        await store.HeartbeatAsync(Cluster, new(SiloA.SiloId, SiloA.Address, "host-a", Start, Start, "Active"), Ct);
        await store.HeartbeatAsync(Cluster, new(SiloB.SiloId, SiloB.Address, "host-b", Start.AddSeconds(1), Start, "Dead"), Ct);
        await store.HeartbeatAsync(Cluster + "-other", new("silo-c", "http://127.0.0.1:5003", "host-c", Start, Start, "Active"), Ct);

        var silos = await store.ReadSilosAsync(Cluster, Ct);

        Assert.Equal([(SiloA.SiloId, "Active"), (SiloB.SiloId, "Dead")], silos.Select(silo => (silo.SiloId, silo.Status)));
        Assert.Empty(await store.ReadSilosAsync(RealServices.UniqueName("t"), Ct));
    }
}
