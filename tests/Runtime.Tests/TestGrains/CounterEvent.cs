namespace Runtime.Tests.TestGrains;

public sealed record CounterEvent(string Key, long Amount);
