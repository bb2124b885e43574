using System.Threading.Channels;
using Ingest.Processing;

namespace Ingest.InProcess;

/// <summary>
/// One in-process partition: the records not yet committed (a restarted processor replays them) and
/// the channel of its current processor. Guarded by its own lock so appends keep offset order.
/// </summary>
internal sealed class InProcessPartition(int partition)
{
    public int Partition { get; } = partition;

    public Lock Lock { get; } = new();

    public List<SourceRecord> Retained { get; } = [];

    public long NextOffset { get; set; }

    public IPartitionProcessor? Processor { get; set; }

    public ChannelWriter<SourceRecord>? Writer { get; set; }

    public DateTimeOffset RetryAt { get; set; }
}
