using Ingest.Grains;

namespace Ingest.Processing;

/// <summary>Delivers a target kind's messages to grains of <typeparamref name="TGrain"/>, keyed by the target key.</summary>
public sealed class GrainOutboxTarget<TGrain> : IOutboxTarget
    where TGrain : IOutboxTargetGrain
{
    private readonly IGrainFactory _grains;

    public GrainOutboxTarget(string kind, IGrainFactory grains)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(grains);
        Kind = kind;
        _grains = grains;
    }

    public string Kind { get; }

    public Task DeliverAsync(string targetKey, OutboxDelivery delivery, CancellationToken cancellationToken) =>
        _grains.GetGrain<TGrain>(targetKey).ReceiveAsync(delivery);
}
