using System.Diagnostics.Metrics;

namespace Ingest.Diagnostics;

/// <summary>The <c>Ingest</c> meter: what the product page and alerts read about partitions.</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "Ingest";

    private readonly Meter _meter;

    public IngestMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Records = _meter.CreateCounter<long>("ingest.records", description: "Records a processor committed, dead letters included.");
        DeadLetters = _meter.CreateCounter<long>("ingest.dead_letters", description: "Records rejected by the decoder.");
        Commits = _meter.CreateCounter<long>("ingest.commits", description: "Batches committed.");
        OutboxDelivered = _meter.CreateCounter<long>("ingest.outbox.delivered", description: "Outbox messages delivered and deleted.");
        Fenced = _meter.CreateCounter<long>("ingest.fenced", description: "Commits or deletes refused because another owner took the partition.");
        Retries = _meter.CreateCounter<long>("ingest.retries", description: "Grain calls or deliveries retried after a failure.");
    }

    public Counter<long> Records { get; }

    public Counter<long> DeadLetters { get; }

    public Counter<long> Commits { get; }

    public Counter<long> OutboxDelivered { get; }

    public Counter<long> Fenced { get; }

    public Counter<long> Retries { get; }

    public void Dispose() => _meter.Dispose();
}
