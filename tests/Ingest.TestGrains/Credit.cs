namespace Ingest.TestGrains;

/// <summary>The outbox message a counted event sends to its credit target.</summary>
[GenerateSerializer, Immutable, Alias("Ingest.Tests.Credit")]
public sealed record Credit(string EventId);
