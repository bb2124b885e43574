namespace Runtime.Tests.TestGrains;

public sealed record TotalSnapshot(long Events, long Sum, long Messages);
