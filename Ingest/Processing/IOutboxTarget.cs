using Ingest.Grains;

namespace Ingest.Processing;

/// <summary>
/// Delivers outbox messages of one target kind. The product implements one per kind (or uses
/// <see cref="GrainOutboxTarget{TGrain}"/>). A delivery may repeat; the target drops sequences it has applied.
/// </summary>
public interface IOutboxTarget
{
    /// <summary>The <see cref="OutboxEnvelope.TargetKind"/> this target serves.</summary>
    string Kind { get; }

    Task DeliverAsync(string targetKey, OutboxDelivery delivery, CancellationToken cancellationToken);
}
