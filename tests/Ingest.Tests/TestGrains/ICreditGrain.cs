using Ingest.Grains;

namespace Ingest.Tests.TestGrains;

[Alias("Ingest.Tests.ICreditGrain")]
public interface ICreditGrain : IOutboxTargetGrain
{
    [Alias("GetCredits")]
    Task<CreditState> GetStateAsync();
}
