using System.Text;
using Ingest.Checkpoints;
using TestInfrastructure;

namespace Ingest.Tests.Checkpoints;

/// <summary>The behaviour both checkpoint stores must have; each database runs it through a subclass.</summary>
public abstract class CheckpointStoreContract
{
    protected abstract ICheckpointStore Store { get; }

    private static PartitionId NewPartition() => new(RealServices.UniqueName("cluster"), RealServices.UniqueName("topic"), 3);

    private static OutboxRecord Message(string key, string text) => new("counter", key, Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task AcquireAsync_NewPartition_StartsAtEpochOneOffsetZeroSequenceOne()
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        var partition = NewPartition();

        var lease = await Store.AcquireAsync(partition, "silo-a", CancellationToken.None);

        Assert.Equal(new PartitionLease(partition, 1, 0, 1), lease);
    }

    [Fact]
    public async Task EnsureSchemaAsync_RunTwice_IsIdempotent()
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        await Store.EnsureSchemaAsync(CancellationToken.None);

        var lease = await Store.AcquireAsync(NewPartition(), "silo-a", CancellationToken.None);

        Assert.Equal(1, lease.Epoch);
    }

    [Fact]
    public async Task CommitAsync_StaleEpoch_ThrowsFencedAndWritesNothing()
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        var partition = NewPartition();
        var stale = await Store.AcquireAsync(partition, "silo-a", CancellationToken.None);
        await Store.AcquireAsync(partition, "silo-b", CancellationToken.None);

        await Assert.ThrowsAsync<PartitionFencedException>(() =>
            Store.CommitAsync(partition, stale.Epoch, 50, [Message("k", "x")], CancellationToken.None));

        var next = await Store.AcquireAsync(partition, "silo-c", CancellationToken.None);
        Assert.Equal(new PartitionLease(partition, 3, 0, 1), next);
        Assert.Empty(await Store.ReadOutboxAsync(partition, CancellationToken.None));
    }

    [Fact]
    public async Task CommitAsync_SeveralCommitsAndReacquire_NumbersRowsFromTheCounter()
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        var partition = NewPartition();
        var first = await Store.AcquireAsync(partition, "silo-a", CancellationToken.None);

        var one = await Store.CommitAsync(partition, first.Epoch, 10, [Message("a", "1"), Message("b", "2")], CancellationToken.None);
        var none = await Store.CommitAsync(partition, first.Epoch, 12, [], CancellationToken.None);
        var second = await Store.AcquireAsync(partition, "silo-b", CancellationToken.None);
        var two = await Store.CommitAsync(partition, second.Epoch, 20, [Message("c", "3")], CancellationToken.None);

        Assert.Equal([1L, 2L], one.Select(row => row.Sequence));
        Assert.Empty(none);
        Assert.Equal(new PartitionLease(partition, 2, 12, 3), second);
        Assert.Equal(3L, Assert.Single(two).Sequence);
        var stored = await Store.ReadOutboxAsync(partition, CancellationToken.None);
        Assert.Equal(["1", "2", "3"], stored.Select(row => Encoding.UTF8.GetString(row.Envelope)));
        Assert.Equal(["a", "b", "c"], stored.Select(row => row.TargetKey));
        var third = await Store.AcquireAsync(partition, "silo-c", CancellationToken.None);
        Assert.Equal(new PartitionLease(partition, 3, 20, 4), third);
    }

    [Fact]
    public async Task DeleteOutboxAsync_CurrentEpoch_DeletesThroughSequenceOnly()
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        var partition = NewPartition();
        var lease = await Store.AcquireAsync(partition, "silo-a", CancellationToken.None);
        await Store.CommitAsync(partition, lease.Epoch, 3, [Message("a", "1"), Message("a", "2"), Message("b", "3")], CancellationToken.None);

        await Store.DeleteOutboxAsync(partition, lease.Epoch, 2, CancellationToken.None);

        var left = Assert.Single(await Store.ReadOutboxAsync(partition, CancellationToken.None));
        Assert.Equal(3, left.Sequence);
    }

    [Fact]
    public async Task DeleteOutboxAsync_StaleEpoch_ThrowsFencedAndKeepsRows()
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        var partition = NewPartition();
        var lease = await Store.AcquireAsync(partition, "silo-a", CancellationToken.None);
        await Store.CommitAsync(partition, lease.Epoch, 1, [Message("a", "1")], CancellationToken.None);
        await Store.AcquireAsync(partition, "silo-b", CancellationToken.None);

        await Assert.ThrowsAsync<PartitionFencedException>(() => Store.DeleteOutboxAsync(partition, lease.Epoch, 1, CancellationToken.None));

        Assert.Single(await Store.ReadOutboxAsync(partition, CancellationToken.None));
    }

    [Fact]
    public async Task ReadOutboxAsync_OtherPartitionOfSameTopic_IsNotMixedIn()
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        var partition = NewPartition();
        var neighbour = partition with { Partition = partition.Partition + 1 };
        var lease = await Store.AcquireAsync(partition, "silo-a", CancellationToken.None);
        var other = await Store.AcquireAsync(neighbour, "silo-a", CancellationToken.None);
        await Store.CommitAsync(partition, lease.Epoch, 1, [Message("a", "mine")], CancellationToken.None);
        await Store.CommitAsync(neighbour, other.Epoch, 1, [Message("a", "theirs")], CancellationToken.None);

        var rows = await Store.ReadOutboxAsync(partition, CancellationToken.None);

        Assert.Equal("mine", Encoding.UTF8.GetString(Assert.Single(rows).Envelope));
    }
}
