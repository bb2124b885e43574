namespace Runtime.Log;

/// <summary>Appends records to explicit partitions.</summary>
public interface ILogProducer
{
    /// <summary>
    /// Queues a record for <paramref name="partition"/> and returns at once. Records queued for one
    /// partition are appended in queue order. Failures surface from <see cref="FlushAsync"/>.
    /// </summary>
    void Produce(string topic, int partition, byte[]? key, byte[] value);

    /// <summary>Appends a record and completes when the log has acknowledged it; returns its offset.</summary>
    Task<long> ProduceAsync(string topic, int partition, byte[]? key, byte[] value, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when every record queued before the call is acknowledged; throws
    /// <see cref="LogProduceException"/> if any of them failed.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
