namespace Runtime.Tests.TestGrains;

public sealed record ProbeResult(string ActivationId, int ConcurrentTurns);
