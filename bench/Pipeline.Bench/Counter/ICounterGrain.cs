using Runtime.Abstractions;

namespace Pipeline.Bench.Counter;

/// <summary>
/// The benchmark's minimal event consumer: the runtime's work per event (consume, decode, validate,
/// one grain turn, checkpoint) without the product's per-event features. Nothing calls it, so it has no methods.
/// </summary>
[GrainType("bench-counter")]
public interface ICounterGrain : IGrainWithStringKey;
