namespace Ingest.TestGrains;

/// <summary>Ingest calls a grain received from a processor on its own silo, and from other silos.</summary>
[GenerateSerializer, Immutable, Alias("Ingest.Tests.CallLocality")]
public sealed record CallLocality(int Local, int Remote);
