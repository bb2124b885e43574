using System.Threading.Channels;
using Ingest.Checkpoints;

namespace Ingest.Processing;

/// <summary>Creates the processor of a partition over the channel its source writes the records into.</summary>
public interface IPartitionProcessorFactory
{
    IPartitionProcessor Create(PartitionId partition, ChannelReader<SourceRecord> source);
}
