using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Ingest.Processing;

/// <summary>
/// What every partition processor of a silo shares. <paramref name="LocalSilo"/>, when set, is sent with
/// grain calls so that <see cref="Placement.PartitionLocalPlacement"/> activates grains here.
/// </summary>
public sealed record ProcessorContext<TEvent>(
    IGrainFactory Grains,
    IRecordDecoder<TEvent> Decoder,
    ICheckpointStore Store,
    IReadOnlyDictionary<string, IOutboxTarget> Targets,
    IDeadLetterSink DeadLetters,
    Serializer Serializer,
    IngestOptions Options,
    IngestMetrics Metrics,
    ILogger Logger,
    TimeProvider TimeProvider,
    SiloAddress? LocalSilo = null);
