using System.Collections.Concurrent;

namespace Runtime.Log.InMemory;

/// <summary>
/// Appends synchronously, so a record is "acknowledged" when <see cref="Produce"/> returns and
/// <see cref="FlushAsync"/> has nothing to wait for; it only reports failures, as Kafka's would.
/// </summary>
internal sealed class InMemoryProducer : ILogProducer
{
    private readonly InMemoryLog _log;
    private readonly ConcurrentQueue<string> _failures = new();

    public InMemoryProducer(InMemoryLog log)
    {
        _log = log;
    }

    public void Produce(string topic, int partition, byte[]? key, byte[] value)
    {
        if (Append(topic, partition, key, value) is { } failure)
        {
            _failures.Enqueue(failure);
        }
    }

    public Task<long> ProduceAsync(string topic, int partition, byte[]? key, byte[] value, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<long>(cancellationToken);
        }

        var failure = Append(topic, partition, key, value, out var offset);
        return failure is null ? Task.FromResult(offset) : Task.FromException<long>(new LogProduceException(failure));
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        while (_failures.TryDequeue(out var failure))
        {
            failed.Add(failure);
        }

        return failed.Count == 0
            ? Task.CompletedTask
            : Task.FromException(new LogProduceException($"{failed.Count} record(s) were not appended; first: {failed[0]}"));
    }

    private string? Append(string topic, int partition, byte[]? key, byte[] value) =>
        Append(topic, partition, key, value, out _);

    private string? Append(string topic, int partition, byte[]? key, byte[] value, out long offset)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(value);
        offset = -1;
        if (_log.FindTopic(topic)?.TryGetPartition(partition) is not { } target)
        {
            return $"unknown topic partition {topic}[{partition}]";
        }

        // Copied because Kafka's client copies too: callers may reuse their buffers once Produce returns.
        offset = target.Append(key?.ToArray(), value.ToArray());
        _log.Signal.Set();
        return null;
    }
}
