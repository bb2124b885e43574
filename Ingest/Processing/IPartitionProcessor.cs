using Ingest.Checkpoints;

namespace Ingest.Processing;

/// <summary>Consumes one partition for as long as this owner holds it.</summary>
public interface IPartitionProcessor : IAsyncDisposable
{
    PartitionId Partition { get; }

    /// <summary>One past the last committed record: a source may forget records below it.</summary>
    long NextOffset { get; }

    /// <summary>Ends when the processor stops; faults with <see cref="PartitionFencedException"/> when another owner took over.</summary>
    Task Completion { get; }

    /// <summary>Acquires the partition (epoch + 1), loads its undelivered outbox and starts; returns where the source must start.</summary>
    Task<PartitionLease> StartAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Finishes and commits the batch in flight, makes one last delivery pass, and stops.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
