using System.Diagnostics.Metrics;

namespace Runtime.Diagnostics;

/// <summary>Every instrument of the runtime layer, on the meter named <see cref="MeterName"/>.</summary>
public sealed class RuntimeInstruments
{
    public const string MeterName = "Runtime";

    private static readonly double[] SecondsBuckets =
        [0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private Func<IEnumerable<PartitionStatistics>> _partitions = () => [];

    public RuntimeInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        EventsProcessed = meter.CreateCounter<long>("runtime.events.processed", "{event}", "Events applied to grains.");
        EventsForwarded = meter.CreateCounter<long>("runtime.events.forwarded", "{event}", "Events re-routed to the partition of their grain (producer used another partitioner).");
        DuplicatesDropped = meter.CreateCounter<long>("runtime.events.duplicates_dropped", "{event}", "Re-routed events dropped because their source offset was already applied.");
        DeadLetters = meter.CreateCounter<long>("runtime.dead_letters", "{record}", "Records sent to the dead-letter topic.");
        Checkpoints = meter.CreateCounter<long>("runtime.checkpoints", "{checkpoint}", "Partition checkpoints committed.");
        GrainsWritten = meter.CreateCounter<long>("runtime.checkpoint.grains_written", "{grain}", "Grain states written (or deleted) by committed checkpoints.");
        CheckpointFailures = meter.CreateCounter<long>("runtime.checkpoint.failures", "{checkpoint}", "Partition checkpoints that failed (fenced or storage error).");
        ConsumerBlocked = meter.CreateCounter<double>("runtime.consumer.blocked", "s", "Time the silo's consumer waited for room in a partition's full queue; meanwhile no partition of the silo receives records.");
        MessagesSent = meter.CreateCounter<long>("runtime.messages.sent", "{message}", "Durable grain messages published after their checkpoint committed (combined per target).");
        MessagesApplied = meter.CreateCounter<long>("runtime.messages.applied", "{message}", "Durable grain messages applied by their receiving grain.");
        SnapshotsPublished = meter.CreateCounter<long>("runtime.snapshots.published", "{snapshot}", "Grain snapshots published to every silo's cache.");
        GrainCallDuration = meter.CreateHistogram<double>("runtime.grain.call.duration", "s", "Grain call latency seen by the caller, including routing and retries.", advice: new() { HistogramBucketBoundaries = SecondsBuckets });
        TurnDuration = meter.CreateHistogram<double>("runtime.turn.duration", "s", "Time a turn holds a grain (one call, or one event batch).", advice: new() { HistogramBucketBoundaries = SecondsBuckets });
        CheckpointDuration = meter.CreateHistogram<double>("runtime.checkpoint.duration", "s", "Time to snapshot, flush and commit one partition checkpoint.", advice: new() { HistogramBucketBoundaries = SecondsBuckets });
        meter.CreateObservableGauge("runtime.partition.lag", ObserveLag, "{record}", "Records in the partition not yet applied (end offset minus position).");
        meter.CreateObservableGauge("runtime.checkpoint.age", ObserveCheckpointAge, "s", "Time since the partition's last committed checkpoint.");
        meter.CreateObservableGauge("runtime.activations", ObserveActivations, "{activation}", "Live grain activations by grain type.");
        meter.CreateObservableGauge("runtime.partitions.owned", () => _partitions().Count(), "{partition}", "Partitions this silo owns.");
    }

    public Counter<long> EventsProcessed { get; }

    public Counter<long> EventsForwarded { get; }

    public Counter<long> DuplicatesDropped { get; }

    public Counter<long> DeadLetters { get; }

    public Counter<long> Checkpoints { get; }

    public Counter<long> GrainsWritten { get; }

    public Counter<long> CheckpointFailures { get; }

    public Counter<double> ConsumerBlocked { get; }

    public Counter<long> MessagesSent { get; }

    public Counter<long> MessagesApplied { get; }

    public Counter<long> SnapshotsPublished { get; }

    public Histogram<double> GrainCallDuration { get; }

    public Histogram<double> TurnDuration { get; }

    public Histogram<double> CheckpointDuration { get; }

    /// <summary>Connects the observable gauges to the live partitions.</summary>
    internal void ObservePartitions(Func<IEnumerable<PartitionStatistics>> partitions) => _partitions = partitions;

    private IEnumerable<Measurement<long>> ObserveLag() =>
        _partitions().Select(p => new Measurement<long>(p.Lag, new KeyValuePair<string, object?>("partition", p.Partition)));

    private IEnumerable<Measurement<double>> ObserveCheckpointAge() =>
        _partitions().Select(p => new Measurement<double>(p.CheckpointAge.TotalSeconds, new KeyValuePair<string, object?>("partition", p.Partition)));

    private IEnumerable<Measurement<long>> ObserveActivations() =>
        _partitions()
            .SelectMany(p => p.ActivationsByType)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(group => new Measurement<long>(group.Sum(pair => pair.Value), new KeyValuePair<string, object?>("grain_type", group.Key)));
}
