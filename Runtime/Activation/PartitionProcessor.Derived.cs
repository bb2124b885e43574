using Runtime.Log;

namespace Runtime.Activation;

/// <summary>
/// Records this partition produces from the records it consumes (re-routes and dead letters). Each must
/// be acknowledged before a checkpoint commits the offsets past its source, or a crash would lose it.
/// Only these are waited for: the shared producer also carries every partition's published messages
/// and snapshots, which a commit does not depend on, and which a busy broker may take a second to acknowledge.
/// </summary>
internal sealed partial class PartitionProcessor
{
    // A foreign partitioner re-routes every record: past this many, acknowledged deliveries are
    // dropped from the list, and the bound doubles while the rest are still in flight.
    private const int DerivedPruneThreshold = 4096;

    // Loop only: deliveries queued since the last snapshot.
    private List<Task> _derived = [];
    private int _derivedPruneAt = DerivedPruneThreshold;

    private void ProduceDerived(string topic, int partition, byte[]? key, byte[] value)
    {
        _derived.Add(_services.Producer.ProduceAsync(topic, partition, key, value, CancellationToken.None));
        if (_derived.Count >= _derivedPruneAt)
        {
            _derived.RemoveAll(delivery => delivery.IsCompletedSuccessfully);
            _derivedPruneAt = Math.Max(DerivedPruneThreshold, 2 * _derived.Count);
        }
    }

    /// <summary>Hands the deliveries queued so far to a snapshot, which waits for them before it commits.</summary>
    private List<Task> TakeDerived()
    {
        var taken = _derived;
        _derived = [];
        _derivedPruneAt = DerivedPruneThreshold;
        return taken;
    }

    /// <summary>Waits for the snapshot's deliveries; throws <see cref="LogProduceException"/> when one failed.</summary>
    private static async Task WaitForDerivedAsync(List<Task> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(deliveries).WaitAsync(FlushTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new LogProduceException(
                $"{deliveries.Count(delivery => !delivery.IsCompleted)} re-routed or dead-lettered record(s) were not acknowledged within {FlushTimeout.TotalSeconds:N0} s.", exception);
        }
    }
}
