namespace Ingest.InProcess;

/// <summary>The embedded mode's log: what a Kafka producer would do, in process.</summary>
public interface IIngestLog
{
    /// <summary>Appends a record to the partition of <paramref name="key"/> (round robin without one); returns once it is queued.</summary>
    ValueTask AppendAsync(byte[]? key, byte[] value, CancellationToken cancellationToken);
}
