using Grains.Experiments;

namespace Grains.Tests.Experiments;

public sealed class PolicySeedTests
{
    // FNV-1a and SplitMix64 computed independently (Python) for these inputs.
    private const int PolicySeedExpected = -822528720;

    [Fact]
    public void Of_SameInputs_SameSeedInEveryProcess()
    {
        // A constant, not a value computed in this process: a per-process randomised hash would fail here.
        Assert.Equal(PolicySeedExpected, PolicySeed.Of("checkout-button", 3, 1_000));
    }

    [Fact]
    public void Of_NextUpdate_GivesAnotherSeed()
    {
        Assert.NotEqual(PolicySeed.Of("checkout-button", 3, 1_000), PolicySeed.Of("checkout-button", 3, 1_001));
        Assert.NotEqual(PolicySeed.Of("checkout-button", 3, 1_000), PolicySeed.Of("checkout-button", 4, 1_000));
        Assert.NotEqual(PolicySeed.Of("checkout-button", 3, 1_000), PolicySeed.Of("checkout-buttom", 3, 1_000));
    }
}
