using Experimentation.Bandits;

namespace Experimentation.Tests.Bandits;

public sealed class PolicySamplerTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1999, 0)]
    [InlineData(0.2, 1)]
    [InlineData(0.4999, 1)]
    [InlineData(0.5, 2)]
    [InlineData(0.9999999, 2)]
    public void Choose_UniformDraw_PicksArmWhoseIntervalHoldsIt(double u, int expectedArm)
    {
        var sampler = new PolicySampler([0.2, 0.3, 0.5]);

        var choice = sampler.Choose(u);

        Assert.Equal(expectedArm, choice.Arm);
        Assert.Equal(sampler.Probability(expectedArm), choice.Propensity);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Choose_ZeroProbabilityArms_NeverChosen(double u)
    {
        var sampler = new PolicySampler([0, 0.5, 0, 0.5, 0]);

        var choice = sampler.Choose(u);

        Assert.True(choice.Arm is 1 or 3);
        Assert.Equal(0.5, choice.Propensity);
    }

    [Fact]
    public void Constructor_UnnormalisedWeights_NormalisesPropensities()
    {
        var sampler = new PolicySampler([1, 3]);

        Assert.Equal(0.25, sampler.Probability(0));
        Assert.Equal(0.75, sampler.Choose(0.9).Propensity);
    }

    [Fact]
    public void Choose_ManyDraws_FrequenciesMatchPropensities()
    {
        double[] probabilities = [0.05, 0.15, 0.3, 0.5];
        var sampler = new PolicySampler(probabilities);
        var random = new Random(3);
        var counts = new int[probabilities.Length];

        for (var i = 0; i < 200_000; i++)
        {
            counts[sampler.Choose(random).Arm]++;
        }

        for (var arm = 0; arm < probabilities.Length; arm++)
        {
            Assert.Equal(probabilities[arm], counts[arm] / 200_000.0, 0.005);
        }
    }

    [Fact]
    public void Choose_WarmedUp_AllocatesNothing()
    {
        var sampler = new PolicySampler([0.1, 0.2, 0.3, 0.4]);
        var random = new Random(1);
        sampler.Choose(random);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var armSum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            armSum += sampler.Choose(random).Arm;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(armSum > 0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    public void Choose_InvalidDraw_Throws(double u) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolicySampler([1.0]).Choose(u));

    [Fact]
    public void Constructor_AllZero_Throws() => Assert.Throws<ArgumentException>(() => new PolicySampler([0, 0]));

    [Fact]
    public void Constructor_Negative_Throws() => Assert.Throws<ArgumentException>(() => new PolicySampler([0.5, -0.1]));
}
