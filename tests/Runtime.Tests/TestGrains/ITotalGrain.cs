using Runtime.Abstractions;

namespace Runtime.Tests.TestGrains;

/// <summary>A test grain fed only by durable messages from counter grains; it publishes its totals as a snapshot.</summary>
[GrainType("total")]
public interface ITotalGrain : IGrainWithStringKey
{
    /// <summary>Returns the totals received so far.</summary>
    Task<TotalSnapshot> GetAsync();
}
