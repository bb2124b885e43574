using Microsoft.Extensions.Logging;
using Runtime.Diagnostics;
using Runtime.Grains;
using Runtime.Hosting;
using Runtime.Log;
using Runtime.Processing;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>What every partition processor of a silo shares.</summary>
internal sealed record PartitionServices(
    string Cluster,
    TopicNames Topics,
    int PartitionCount,
    int DeadLetterPartitions,
    ICheckpointStore Store,
    IPartitionedLog Log,
    ILogProducer Producer,
    GrainTypeRegistry Registry,
    IEventStreamBinding? EventStream,
    MessageBindings Messages,
    RuntimeOptions Options,
    TimeProvider Time,
    IServiceProvider Services,
    RuntimeInstruments Instruments,
    ILogger Logger)
{
    /// <summary>Whether the silo's consumer is behind the log (set by the consumer loop).</summary>
    public ConsumerBacklog Backlog { get; } = new(Time);
}
