using System.Collections.Concurrent;
using System.Globalization;
using Runtime.Diagnostics;
using Runtime.Log;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>
/// Turns consumer-group rebalances into partition ownership: on assignment it takes each partition's
/// lease (bumping its epoch, which fences the previous owner) and starts a processor from the stored
/// positions; on revocation it stops the processor after a final checkpoint.
/// </summary>
internal sealed class PartitionManager : IAssignmentListener
{
    private static readonly TimeSpan RevokeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AcquireRetryTimeout = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<int, PartitionProcessor> _processors = new();
    private PartitionServices? _services;
    private SiloIdentity? _identity;

    private volatile bool _assignmentPending;

    /// <summary>
    /// True once the group has given this silo an assignment (possibly empty) and the consumer has
    /// applied its start positions: only then may records produced now be expected to be read.
    /// </summary>
    public bool AssignmentReceived { get; private set; }

    public IEnumerable<PartitionProcessor> Processors => _processors.Values;

    public void Start(PartitionServices services, SiloIdentity identity)
    {
        _services = services;
        _identity = identity;
    }

    public bool TryGetRunning(int partition, out PartitionProcessor processor) =>
        _processors.TryGetValue(partition, out processor!) && processor.Status == PartitionStatus.Running;

    /// <summary>True while some processor holds records that <see cref="FlushInboxes"/> has yet to send.</summary>
    public bool HasUnsentRecords { get; private set; }

    /// <summary>Consumer thread: queues a record for its partition's processor (sent in chunks).</summary>
    public void Dispatch(LogRecord record)
    {
        if (_processors.TryGetValue(record.Partition, out var processor))
        {
            processor.Enqueue(record);
            HasUnsentRecords = true;
        }
    }

    /// <summary>
    /// Consumer thread: sends every processor's partly filled chunk. A processor replaced by a
    /// rebalance meanwhile is no longer listed, and its unsent records go with it: they were never
    /// applied, so the partition's next owner reads them again from the checkpoint.
    /// </summary>
    public void FlushInboxes()
    {
        if (!HasUnsentRecords)
        {
            return;
        }

        foreach (var processor in _processors.Values)
        {
            processor.FlushInbox();
        }

        HasUnsentRecords = false;
    }

    /// <summary>
    /// Storage can be briefly unreachable, or the partition row locked by a previous owner's commit
    /// that has not ended yet: keep trying for a bounded time before giving the consumer up.
    /// </summary>
    private async Task<PartitionLease> AcquireWithRetriesAsync(PartitionServices services, int partition)
    {
        var deadline = services.Time.GetTimestamp() + (long)(AcquireRetryTimeout.TotalSeconds * services.Time.TimestampFrequency);
        for (var delay = TimeSpan.FromMilliseconds(200); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond * 5)))
        {
            try
            {
                return await services.Store.AcquireAsync(services.Cluster, partition, _identity!, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (services.Time.GetElapsedTime(deadline) < TimeSpan.Zero)
            {
                RuntimeLog.BackgroundTaskFailed(services.Logger, exception, $"lease of partition {partition}");
                await Task.Delay(delay, services.Time).ConfigureAwait(false);
            }
        }
    }

    public IReadOnlyList<TopicPartitionPosition> OnAssigned(IReadOnlyList<TopicPartitionId> partitions)
    {
        var services = _services ?? throw new InvalidOperationException("The partition manager was not started.");
        var numbers = partitions.Select(p => p.Partition).Distinct().Order().ToList();
        RuntimeLog.Assigned(services.Logger, string.Join(",", numbers));

        // Leases are taken in parallel: a silo joining an 8-partition cluster should not wait for 8 round trips in a row.
        var leases = Task.WhenAll(numbers.Select(n => AcquireWithRetriesAsync(services, n)))
            .GetAwaiter().GetResult();
        var positions = new List<TopicPartitionPosition>();
        foreach (var lease in leases)
        {
            var processor = new PartitionProcessor(services, lease);
            if (_processors.TryRemove(lease.Partition, out var stale))
            {
                stale.StopAsync().GetAwaiter().GetResult();
            }

            _processors[lease.Partition] = processor;
            processor.Start();
            RuntimeLog.PartitionAcquired(services.Logger, lease.Partition, lease.Epoch, Describe(lease.Positions));
            foreach (var assigned in partitions.Where(p => p.Partition == lease.Partition))
            {
                if (lease.Positions.TryGetValue(assigned.Topic, out var offset))
                {
                    positions.Add(new TopicPartitionPosition(assigned.Topic, assigned.Partition, offset));
                }
            }
        }

        _assignmentPending = true;
        return positions;
    }

    /// <summary>Called by the consuming thread after each poll: an assignment made inside it is now in effect.</summary>
    public void ConfirmAssignment()
    {
        if (_assignmentPending)
        {
            _assignmentPending = false;
            AssignmentReceived = true;
        }
    }

    public void OnRevoked(IReadOnlyList<TopicPartitionId> partitions)
    {
        var numbers = partitions.Select(p => p.Partition).Distinct().Order().ToList();
        if (_services is not null)
        {
            RuntimeLog.Revoked(_services.Logger, string.Join(",", numbers));
        }

        StopAsync(numbers).Wait(RevokeTimeout);
    }

    /// <summary>Stops every partition (shutdown without a consumer to revoke them).</summary>
    public Task StopAllAsync() => StopAsync(_processors.Keys.ToList());

    private async Task StopAsync(IEnumerable<int> numbers)
    {
        var stopping = new List<Task>();
        foreach (var number in numbers)
        {
            if (_processors.TryRemove(number, out var processor))
            {
                stopping.Add(StopOneAsync(processor));
            }
        }

        await Task.WhenAll(stopping).ConfigureAwait(false);
    }

    private async Task StopOneAsync(PartitionProcessor processor)
    {
        try
        {
            await processor.StopAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One partition failing to stop cleanly must not keep the others from being released.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RuntimeLog.PartitionStopFailed(_services!.Logger, exception, processor.Partition);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, long> positions) =>
        positions.Count == 0 ? "the beginning" : string.Join(", ", positions.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}@{p.Value}")));
}
