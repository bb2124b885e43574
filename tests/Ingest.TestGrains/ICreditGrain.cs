using Ingest.Grains;

namespace Ingest.TestGrains;

[Alias("Ingest.Tests.ICreditGrain")]
public interface ICreditGrain : IOutboxTargetGrain
{
    [Alias("GetCredits")]
    Task<CreditState> GetStateAsync();
}
