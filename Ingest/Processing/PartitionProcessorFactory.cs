using System.Threading.Channels;
using Ingest.Checkpoints;
using Ingest.Grains;

namespace Ingest.Processing;

/// <summary>Creates processors that deliver to grains of <typeparamref name="TGrain"/>.</summary>
public sealed class PartitionProcessorFactory<TGrain, TEvent> : IPartitionProcessorFactory
    where TGrain : IPartitionEventGrain<TEvent>
{
    private readonly ProcessorContext<TEvent> _context;

    public PartitionProcessorFactory(ProcessorContext<TEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public IPartitionProcessor Create(PartitionId partition, ChannelReader<SourceRecord> source) =>
        new PartitionProcessor<TGrain, TEvent>(partition, source, _context);
}
