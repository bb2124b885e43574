using Ingest.Grains;

namespace Ingest.TestGrains;

[Alias("Ingest.Tests.ICountingGrain")]
public interface ICountingGrain : IPartitionEventGrain<CountEvent>
{
    /// <summary>How many times each event id was applied.</summary>
    [Alias("GetCounts")]
    Task<Dictionary<string, int>> GetCountsAsync();

    [Alias("GetLocality")]
    Task<CallLocality> GetLocalityAsync();
}
