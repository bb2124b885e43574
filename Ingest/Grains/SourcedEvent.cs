namespace Ingest.Grains;

/// <summary>One decoded record for a grain, with its offset in the source partition.</summary>
[GenerateSerializer, Immutable, Alias("Ingest.SourcedEvent`1")]
public sealed record SourcedEvent<TEvent>(long Offset, TEvent Event);
