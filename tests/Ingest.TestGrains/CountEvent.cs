namespace Ingest.TestGrains;

/// <summary>A test event: its id, counted by the grain, and the key of the target its credit goes to.</summary>
[GenerateSerializer, Immutable, Alias("Ingest.Tests.CountEvent")]
public sealed record CountEvent(string Id, string CreditTarget);
