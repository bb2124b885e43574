namespace Runtime.Tests.TestGrains;

public sealed record CounterSnapshot(long Events, long Sum, long Activations, string ActivationId);
