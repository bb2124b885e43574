using Runtime.Abstractions;

namespace Runtime.Tests.TestGrains;

/// <summary>A test grain: counts events and calls, and reports how it was called.</summary>
[GrainType("counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Returns the current totals.</summary>
    Task<CounterSnapshot> GetAsync();

    /// <summary>Adds to the total by call (not through the log) and waits until it is durable.</summary>
    Task AddDurablyAsync(long amount);

    /// <summary>Holds the turn for a while and reports how many turns ran at once inside this activation.</summary>
    Task<ProbeResult> ProbeAsync(int holdMilliseconds);

    /// <summary>Fails on purpose with the given message.</summary>
    Task FailAsync(string message);
}
