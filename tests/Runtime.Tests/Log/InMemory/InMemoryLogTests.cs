using System.Text;
using Runtime.Log;
using Runtime.Log.InMemory;
using TestInfrastructure;

namespace Runtime.Tests.Log.InMemory;

public sealed class InMemoryLogTests : IDisposable
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);
    private readonly InMemoryLog _log = new();

    public InMemoryLogTests()
    {
        // Completes synchronously: the in-memory log has nothing to wait for.
        _log.EnsureTopicsAsync([new TopicSpec("events", 4), new TopicSpec("internal", 4)], CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose() => _log.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Fact]
    public async Task ProduceAsync_SeveralRecords_ReturnsOffsetsFromZeroPerPartition()
    {
        var offsets = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            offsets.Add(await _log.Producer.ProduceAsync("events", 1, null, Value(i), CancellationToken.None));
        }

        var other = await _log.Producer.ProduceAsync("events", 2, null, Value(0), CancellationToken.None);

        Assert.Equal([0L, 1L, 2L], offsets);
        Assert.Equal(0L, other);
        Assert.Equal(3L, await _log.GetEndOffsetAsync("events", 1, CancellationToken.None));
        Assert.Equal(0L, await _log.GetEndOffsetAsync("events", 3, CancellationToken.None));
    }

    [Fact]
    public async Task Consume_OneMember_ReadsEveryPartitionInProduceOrder()
    {
        for (var i = 0; i < 100; i++)
        {
            _log.Producer.Produce("events", i % 4, Encoding.UTF8.GetBytes($"k{i}"), Value(i));
        }

        await _log.Producer.FlushAsync(CancellationToken.None);
        using var consumer = Member("g", new Listener(), "events");
        var records = Drain(consumer, 100);

        Assert.Equal(100, records.Count);
        foreach (var partition in records.GroupBy(record => record.Partition))
        {
            Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), partition.Select(record => record.Offset));
            Assert.Equal(partition.Select(record => Read(record)).Order(), partition.Select(record => Read(record)));
        }
    }

    [Fact]
    public void Consume_SeveralPartitionsWithData_TakesFromThemInTurn()
    {
        for (var i = 0; i < 3; i++)
        {
            _log.Producer.Produce("events", 0, null, Value(i));
            _log.Producer.Produce("events", 3, null, Value(i));
        }

        using var consumer = Member("g", new Listener(), "events");

        var partitions = Drain(consumer, 6).Select(record => record.Partition).ToList();

        Assert.Equal([0, 3, 0, 3, 0, 3], partitions);
    }

    [Fact]
    public void Consume_TwoMembersTwoTopics_SplitsCoPartitioned()
    {
        var first = new Listener();
        var second = new Listener();
        using var a = Member("g", first, "events", "internal");
        using var b = Member("g", second, "events", "internal");

        a.Consume(Short);
        b.Consume(Short);
        a.Consume(Short);

        Assert.Equal([0, 1], first.Partitions("events"));
        Assert.Equal([0, 1], first.Partitions("internal"));
        Assert.Equal([2, 3], second.Partitions("events"));
        Assert.Equal([2, 3], second.Partitions("internal"));
    }

    [Fact]
    public void Consume_SecondMemberJoins_FirstRevokesThenSecondGetsHalf()
    {
        var first = new Listener();
        var second = new Listener();
        using var a = Member("g", first, "events");
        a.Consume(Short);
        Assert.Equal([0, 1, 2, 3], first.Partitions("events"));

        using var b = Member("g", second, "events");
        b.Consume(Short);
        Assert.Empty(second.Owned); // a still owns them: no partition has two owners

        a.Consume(Short);
        b.Consume(Short);

        Assert.Equal(["events-2", "events-3"], first.Revoked.Select(id => $"{id.Topic}-{id.Partition}"));
        Assert.Equal([0, 1], first.Partitions("events"));
        Assert.Equal([2, 3], second.Partitions("events"));
    }

    [Fact]
    public void Close_MemberLeaves_OtherMemberTakesOverItsPartitions()
    {
        var first = new Listener();
        var second = new Listener();
        using var a = Member("g", first, "events");
        var b = Member("g", second, "events");
        a.Consume(Short);
        b.Consume(Short);
        a.Consume(Short);
        Assert.Equal([2, 3], second.Partitions("events"));

        b.Close();
        a.Consume(Short);

        Assert.Empty(second.Owned);
        Assert.Equal([0, 1, 2, 3], first.Partitions("events"));
    }

    [Fact]
    public void Consume_ListenerReturnsPositions_StartsThereAndAtZeroElsewhere()
    {
        for (var i = 0; i < 10; i++)
        {
            _log.Producer.Produce("events", 0, null, Value(i));
            _log.Producer.Produce("events", 1, null, Value(i));
        }

        var listener = new Listener { Starts = { [new TopicPartitionId("events", 0)] = 7 } };
        using var consumer = Member("g", listener, "events");

        var records = Drain(consumer, 13);

        Assert.Equal([7L, 8L, 9L], records.Where(r => r.Partition == 0).Select(r => r.Offset));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), records.Where(r => r.Partition == 1).Select(r => r.Offset));
    }

    [Fact]
    public async Task Consume_StartBeyondEmptyPartition_NumbersNewRecordsFromThere()
    {
        // A restarted embedded silo resumes from positions its previous process committed.
        var listener = new Listener { Starts = { [new TopicPartitionId("events", 2)] = 40 } };
        using var consumer = Member("g", listener, "events");
        Assert.Null(consumer.Consume(Short));

        var offset = await _log.Producer.ProduceAsync("events", 2, null, Value(1), CancellationToken.None);
        var record = consumer.Consume(TimeSpan.FromSeconds(5));

        Assert.Equal(40L, offset);
        Assert.Equal(40L, record?.Offset);
        Assert.Equal(41L, await _log.GetEndOffsetAsync("events", 2, CancellationToken.None));
    }

    [Fact]
    public void Consume_ListenerThrowsInOnAssigned_ThrowsThenNextConsumeRetries()
    {
        _log.Producer.Produce("events", 1, null, Value(5));
        var listener = new Listener { FailAssignment = true };
        using var consumer = Member("g", listener, "events");

        Assert.Throws<InvalidOperationException>(() => consumer.Consume(Short));
        var record = consumer.Consume(Short);

        Assert.Equal(5, Read(record!));
        Assert.Equal([0, 1, 2, 3], listener.Partitions("events"));
    }

    [Fact]
    public void Consume_ListenerThrowsInOnRevoked_PartitionsAreGivenUpAnyway()
    {
        var first = new Listener();
        var second = new Listener();
        using var a = Member("g", first, "events");
        a.Consume(Short);
        using var b = Member("g", second, "events");
        first.FailRevocation = true;

        Assert.Throws<InvalidOperationException>(() => a.Consume(Short));
        b.Consume(Short);

        Assert.Equal([2, 3], second.Partitions("events"));
    }

    [Fact]
    public void Consume_NothingProduced_ReturnsNull()
    {
        using var consumer = Member("g", new Listener(), "events");

        var record = consumer.Consume(TimeSpan.FromMilliseconds(300));

        Assert.Null(record);
    }

    [Fact]
    public async Task Consume_RecordProducedWhileBlocked_ReturnsItBeforeTimeout()
    {
        using var consumer = Member("g", new Listener(), "events");
        consumer.Consume(Short);
        var pending = Task.Factory.StartNew(() => consumer.Consume(TimeSpan.FromSeconds(30)), TaskCreationOptions.LongRunning);

        _log.Producer.Produce("events", 2, null, Value(42));

        // The wait is a third of the consume timeout: a consumer that ignored the record until its timeout fails here.
        var record = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(42, Read(record!));
    }

    [Fact]
    public async Task EnsureTopicsAsync_ExistingWithOtherCount_ReturnsActualCounts()
    {
        var counts = await _log.EnsureTopicsAsync([new TopicSpec("events", 16), new TopicSpec("fresh", 3)], CancellationToken.None);

        Assert.Equal(4, counts["events"]);
        Assert.Equal(3, counts["fresh"]);
        Assert.Equal(0L, await _log.GetEndOffsetAsync("fresh", 2, CancellationToken.None));
    }

    [Fact]
    public async Task FlushAsync_AfterProduceToUnknownPartition_ThrowsOnceThenSucceeds()
    {
        _log.Producer.Produce("events", 9, null, Value(1));

        await Assert.ThrowsAsync<LogProduceException>(() => _log.Producer.FlushAsync(CancellationToken.None));
        await _log.Producer.FlushAsync(CancellationToken.None);
        await Assert.ThrowsAsync<LogProduceException>(() => _log.Producer.ProduceAsync("nope", 0, null, Value(1), CancellationToken.None));
    }

    [Fact]
    public void CommitOffsets_Positions_AreRecordedForTheGroup()
    {
        using var consumer = Member("g", new Listener(), "events");

        consumer.CommitOffsets([new TopicPartitionPosition("events", 1, 5)]);

        Assert.Equal(5L, _log.CommittedOffset("g", new TopicPartitionId("events", 1)));
    }

    private static byte[] Value(int i) => BitConverter.GetBytes(i);

    private static int Read(LogRecord record) => BitConverter.ToInt32(record.Value);

    private static List<LogRecord> Drain(ILogConsumer consumer, int count)
    {
        var records = new List<LogRecord>();
        while (records.Count < count && consumer.Consume(TimeSpan.FromSeconds(5)) is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    private ILogConsumer Member(string group, Listener listener, params string[] topics)
    {
        var consumer = _log.CreateConsumer(group, listener);
        consumer.Subscribe(topics);
        return consumer;
    }

    private sealed class Listener : IAssignmentListener
    {
        public HashSet<TopicPartitionId> Owned { get; } = [];

        public List<TopicPartitionId> Revoked { get; } = [];

        public Dictionary<TopicPartitionId, long> Starts { get; } = [];

        public bool FailAssignment { get; set; }

        public bool FailRevocation { get; set; }

        public List<int> Partitions(string topic) =>
            Owned.Where(id => id.Topic == topic).Select(id => id.Partition).Order().ToList();

        public IReadOnlyList<TopicPartitionPosition> OnAssigned(IReadOnlyList<TopicPartitionId> partitions)
        {
            if (FailAssignment)
            {
                FailAssignment = false;
                throw new InvalidOperationException("listener failed");
            }

            Owned.UnionWith(partitions);
            return partitions.Where(Starts.ContainsKey).Select(id => new TopicPartitionPosition(id.Topic, id.Partition, Starts[id])).ToList();
        }

        public void OnRevoked(IReadOnlyList<TopicPartitionId> partitions)
        {
            Owned.ExceptWith(partitions);
            Revoked.AddRange(partitions);
            if (FailRevocation)
            {
                FailRevocation = false;
                throw new InvalidOperationException("listener failed");
            }
        }
    }
}
