using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Log;

namespace Runtime.Kafka;

/// <summary>
/// <see cref="IPartitionedLog"/> over Kafka with Confluent.Kafka 1.9 and the system's librdkafka.
/// Works against Kafka 0.9 (given its client settings in <see cref="KafkaOptions.Client"/>) and
/// modern Kafka-compatible brokers alike.
/// </summary>
public sealed class KafkaLog : IPartitionedLog
{
    private static readonly TimeSpan WatermarkTimeout = TimeSpan.FromSeconds(10);

    private readonly KafkaOptions _options;
    private readonly ILogger _logger;
    private readonly KafkaLogProducer _producer;
    private readonly KafkaTopicEnsurer _topics;
    private readonly Lazy<IConsumer<byte[], byte[]>> _watermarks;

    public KafkaLog(KafkaOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            throw new ArgumentException("Kafka:BootstrapServers is not set", nameof(options));
        }

        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<KafkaLog>();
        _producer = new KafkaLogProducer(options, _logger);
        _topics = new KafkaTopicEnsurer(options, _logger);
        _watermarks = new Lazy<IConsumer<byte[], byte[]>>(
            () => new ConsumerBuilder<byte[], byte[]>(KafkaClientConfig.Watermarks(_options))
                .SetLogHandler((client, message) => KafkaClientLogging.Write(_logger, client.Name, message))
                .Build(),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ILogProducer Producer => _producer;

    public Task<IReadOnlyDictionary<string, int>> EnsureTopicsAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken) =>
        _topics.EnsureAsync(topics, cancellationToken);

    public ILogConsumer CreateConsumer(string groupId, IAssignmentListener listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(listener);
        return new KafkaLogConsumer(_options, groupId, listener, _logger);
    }

    public async Task<long> GetEndOffsetAsync(string topic, int partition, CancellationToken cancellationToken) =>
        (await GetOffsetRangeAsync(topic, partition, cancellationToken).ConfigureAwait(false)).End;

    public Task<(long Start, long End)> GetOffsetRangeAsync(string topic, int partition, CancellationToken cancellationToken) =>
        // A blocking broker round trip: kept on the thread pool and on its own client, off the consumers.
        Task.Run(
            () =>
            {
                var watermarks = _watermarks.Value.QueryWatermarkOffsets(new TopicPartition(topic, partition), WatermarkTimeout);
                return (watermarks.Low.Value, watermarks.High.Value);
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Task.Run(_producer.Dispose);
        _topics.Dispose();
        if (_watermarks.IsValueCreated)
        {
            _watermarks.Value.Dispose();
        }
    }
}
