using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Runtime.Kafka;
using Runtime.Log;
using TestInfrastructure;
using Xunit.Abstractions;

namespace Runtime.Tests.Kafka;

/// <summary>Against the real broker of <see cref="RealServices"/> (Kafka 0.9 locally); every test uses its own topics.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the log through IAsyncLifetime.DisposeAsync")]
public sealed class KafkaLogTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ILoggerFactory _loggers;
    private readonly KafkaOptions _options;
    private readonly KafkaLog _log;
    private readonly string _events = RealServices.UniqueName("events");
    private readonly string _internal = RealServices.UniqueName("internal");

    public KafkaLogTests(ITestOutputHelper output)
    {
        var services = RealServices.Instance;
        _options = new KafkaOptions
        {
            BootstrapServers = services.KafkaBootstrapServers,
            Client = new Dictionary<string, string>(services.KafkaClientProperties, StringComparer.Ordinal),
            SessionTimeout = TimeSpan.FromSeconds(6),
        };
        _loggers = LoggerFactory.Create(builder => builder.AddProvider(new OutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Information));
        _log = new KafkaLog(_options, _loggers);
    }

    public async Task InitializeAsync() =>
        await _log.EnsureTopicsAsync([new TopicSpec(_events, 8), new TopicSpec(_internal, 8)], CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _log.DisposeAsync();
        _loggers.Dispose();
    }

    [Fact]
    public async Task EnsureTopicsAsync_NewThenExistingTopics_ReturnsPartitionCounts()
    {
        var fresh = RealServices.UniqueName("fresh");

        var created = await _log.EnsureTopicsAsync([new TopicSpec(fresh, 8, Compacted: true)], CancellationToken.None);
        var found = await _log.EnsureTopicsAsync([new TopicSpec(fresh, 8), new TopicSpec(_events, 8)], CancellationToken.None);

        Assert.Equal(8, created[fresh]); // on Kafka 0.9: the broker's num.partitions, which the local broker sets to 8
        Assert.Equal(8, found[fresh]);
        Assert.Equal(8, found[_events]);
    }

    [Fact]
    public async Task EnsureAsync_CreateTopicsUnanswered_FallsBackToAutoCreation()
    {
        using var ensurer = new KafkaTopicEnsurer(_options, _loggers.CreateLogger("ensurer"), TimeSpan.FromSeconds(2), trustProtocolPin: false);
        var fresh = RealServices.UniqueName("fallback");

        var counts = await ensurer.EnsureAsync([new TopicSpec(fresh, 8)], CancellationToken.None);

        Assert.Equal(8, counts[fresh]);
    }

    [Fact]
    public async Task RealStack_ProduceToKafkaThenConsumeInConsumerGroup_ReadsEveryRecordBackInOrderPerPartition()
    {
        for (var i = 0; i < 200; i++)
        {
            _log.Producer.Produce(_events, i % 8, Encoding.UTF8.GetBytes($"key-{i}"), Value(i));
            _log.Producer.Produce(_internal, i % 8, Encoding.UTF8.GetBytes($"key-{i}"), Value(i));
        }

        await _log.Producer.FlushAsync(CancellationToken.None);
        using var member = new Member(_log, RealServices.UniqueName("group"), [_events, _internal]);

        await Eventually.StableAsync(() => Task.FromResult(member.Records.Count), count => count >= 400, Patience, "all 400 records consumed, and no more");

        Assert.Equal(400, member.Records.Count);
        foreach (var partition in member.Records.GroupBy(record => (record.Topic, record.Partition)))
        {
            Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), partition.Select(record => record.Offset));
            var values = partition.Select(record => BitConverter.ToInt32(record.Value)).ToList();
            Assert.Equal(values.Order(), values);
            Assert.All(partition, record => Assert.Equal($"key-{BitConverter.ToInt32(record.Value)}", Encoding.UTF8.GetString(record.Key!)));
        }
    }

    [Fact]
    public async Task Consume_OnAssignedReturnsMidPartitionPosition_StartsThere()
    {
        for (var i = 0; i < 10; i++)
        {
            _log.Producer.Produce(_events, 3, null, Value(i));
            _log.Producer.Produce(_events, 4, null, Value(i));
        }

        await _log.Producer.FlushAsync(CancellationToken.None);
        using var member = new Member(_log, RealServices.UniqueName("group"), [_events], new() { [new TopicPartitionId(_events, 3)] = 6 });

        await Eventually.StableAsync(() => Task.FromResult(member.Records.Count), count => count >= 14, Patience, "14 records consumed, and no more");

        Assert.Equal([6L, 7L, 8L, 9L], member.Records.Where(r => r.Partition == 3).Select(r => r.Offset));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), member.Records.Where(r => r.Partition == 4).Select(r => r.Offset));
    }

    [Fact]
    public async Task Consume_SecondMemberJoinsThenCloses_SplitsCoPartitionedThenHandsBack()
    {
        var group = RealServices.UniqueName("group");
        using var first = new Member(_log, group, [_events, _internal]);
        await Eventually.TrueAsync(() => first.Owned(_events).Count == 8, Patience, "first member owns every partition");

        var second = new Member(_log, group, [_events, _internal]);
        await Eventually.TrueAsync(() => first.Owned(_events).Count + second.Owned(_events).Count == 8 && second.Owned(_events).Count > 0, Patience, "partitions split");

        Assert.Equal(first.Owned(_events), first.Owned(_internal));
        Assert.Equal(second.Owned(_events), second.Owned(_internal));
        Assert.Empty(first.Owned(_events).Intersect(second.Owned(_events)));
        Assert.NotEmpty(first.Revoked);

        second.Dispose(); // closes on its consuming thread: LeaveGroup, so no session timeout to wait for
        await Eventually.TrueAsync(() => first.Owned(_events).Count == 8 && first.Owned(_internal).Count == 8, Patience, "first member owns every partition again");
        Assert.Empty(second.Owned(_events));
    }

    [Fact]
    public async Task Consume_ListenerThrowsInOnAssigned_ThrowsOnceThenRetriesAndReadsEverything()
    {
        for (var i = 0; i < 16; i++)
        {
            _log.Producer.Produce(_events, i % 8, null, Value(i));
        }

        await _log.Producer.FlushAsync(CancellationToken.None);
        using var member = new Member(_log, RealServices.UniqueName("group"), [_events], failFirstAssignment: true);

        await Eventually.TrueAsync(() => member.Records.Count >= 16, Patience, "all 16 records consumed after the retried assignment");

        Assert.Equal("listener failed", Assert.Single(member.Errors).Message);
        Assert.Equal(8, member.Owned(_events).Count);
    }

    [Fact]
    public async Task CommitOffsets_WhileAssigned_BrokerStoresThemForTheGroup()
    {
        _log.Producer.Produce(_events, 0, null, Value(0));
        await _log.Producer.FlushAsync(CancellationToken.None);
        var group = RealServices.UniqueName("group");
        using var member = new Member(_log, group, [_events]);
        await Eventually.TrueAsync(() => !member.Records.IsEmpty, Patience, "the member consumes");
        var config = new ConsumerConfig { BootstrapServers = _options.BootstrapServers, GroupId = group };
        foreach (var (key, value) in _options.ClientProperties())
        {
            config.Set(key, value);
        }

        using var observer = new ConsumerBuilder<Ignore, Ignore>(config).Build();

        member.Commit(new TopicPartitionPosition(_events, 0, 1), new TopicPartitionPosition(_events, 5, 42));

        await Eventually.TrueAsync(
            () => observer.Committed([new Confluent.Kafka.TopicPartition(_events, 0), new Confluent.Kafka.TopicPartition(_events, 5)], TimeSpan.FromSeconds(10))
                .Select(committed => committed.Offset.Value).SequenceEqual([1L, 42L]),
            Patience,
            "the group's committed offsets are 1 and 42");
    }

    [Fact]
    public async Task FlushAsync_AfterManyProduces_WaitsUntilEveryRecordIsAcknowledged()
    {
        for (var i = 0; i < 5000; i++)
        {
            _log.Producer.Produce(_events, i % 8, null, new byte[200]);
        }

        await _log.Producer.FlushAsync(CancellationToken.None);

        var ends = await Task.WhenAll(Enumerable.Range(0, 8).Select(p => _log.GetEndOffsetAsync(_events, p, CancellationToken.None)));
        Assert.Equal(5000L, ends.Sum());
    }

    [Fact]
    public async Task FlushAsync_RecordForMissingPartition_ThrowsLogProduceException()
    {
        _log.Producer.Produce(_events, 99, null, Value(1));

        await Assert.ThrowsAsync<LogProduceException>(() => _log.Producer.FlushAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProduceAsync_FiveRecords_ReturnsOffsetsAndEndOffsetMatches()
    {
        var offsets = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            offsets.Add(await _log.Producer.ProduceAsync(_internal, 2, null, Value(i), CancellationToken.None));
        }

        Assert.Equal([0L, 1L, 2L, 3L, 4L], offsets);
        Assert.Equal(5L, await _log.GetEndOffsetAsync(_internal, 2, CancellationToken.None));
        Assert.Equal(0L, await _log.GetEndOffsetAsync(_internal, 3, CancellationToken.None));
    }

    private static byte[] Value(int i) => BitConverter.GetBytes(i);

    /// <summary>A group member consuming on its own thread, as the runtime does; closes on that thread.</summary>
    private sealed class Member : IAssignmentListener, IDisposable
    {
        private readonly ConcurrentDictionary<TopicPartitionId, bool> _owned = new();
        private readonly ConcurrentQueue<TopicPartitionPosition[]> _commits = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Dictionary<TopicPartitionId, long> _starts;
        private readonly Thread _thread;
        private bool _failAssignment;

        public Member(IPartitionedLog log, string group, string[] topics, Dictionary<TopicPartitionId, long>? starts = null, bool failFirstAssignment = false)
        {
            _starts = starts ?? [];
            _failAssignment = failFirstAssignment;
            var consumer = log.CreateConsumer(group, this);
            consumer.Subscribe(topics);
            _thread = new Thread(() =>
            {
                using (consumer)
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        try
                        {
                            while (_commits.TryDequeue(out var positions))
                            {
                                consumer.CommitOffsets(positions);
                            }

                            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } record)
                            {
                                Records.Enqueue(record);
                            }
                        }
                        catch (InvalidOperationException exception)
                        {
                            Errors.Enqueue(exception);
                        }
                    }

                    consumer.Close();
                }
            });
            _thread.Start();
        }

        public ConcurrentQueue<LogRecord> Records { get; } = new();

        public ConcurrentQueue<TopicPartitionId> Revoked { get; } = new();

        public ConcurrentQueue<Exception> Errors { get; } = new();

        /// <summary>Commits on the consuming thread: the consumer is not thread-safe.</summary>
        public void Commit(params TopicPartitionPosition[] positions) => _commits.Enqueue(positions);

        public List<int> Owned(string topic) =>
            _owned.Keys.Where(id => id.Topic == topic).Select(id => id.Partition).Order().ToList();

        public IReadOnlyList<TopicPartitionPosition> OnAssigned(IReadOnlyList<TopicPartitionId> partitions)
        {
            if (_failAssignment)
            {
                _failAssignment = false;
                throw new InvalidOperationException("listener failed");
            }

            foreach (var id in partitions)
            {
                _owned[id] = true;
            }

            return partitions.Where(_starts.ContainsKey).Select(id => new TopicPartitionPosition(id.Topic, id.Partition, _starts[id])).ToList();
        }

        public void OnRevoked(IReadOnlyList<TopicPartitionId> partitions)
        {
            foreach (var id in partitions)
            {
                _owned.TryRemove(id, out _);
                Revoked.Enqueue(id);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
        }
    }

    private sealed class OutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {formatter(state, exception)} {exception}");
            }
            catch (InvalidOperationException)
            {
                // librdkafka's threads may log after the test has finished.
            }
        }

        public void Dispose()
        {
        }
    }
}
