using Experimentation.Bandits;

namespace Experimentation.Tests.Bandits;

public sealed class BanditSettingsTests
{
    [Fact]
    public void Validate_Defaults_HasNoFailures() => Assert.Empty(new BanditSettings().Validate());

    [Fact]
    public void Validate_ExplorationShareAboveOne_NamesFieldValueAndRule()
    {
        var failure = Assert.Single(new BanditSettings { MinExplorationShare = 1.5 }.Validate());

        Assert.Equal("BanditSettings.MinExplorationShare is '1.5': it must be between 0 and 1.", failure);
    }

    [Fact]
    public void Validate_SeveralBrokenRules_ListsEach()
    {
        var settings = new BanditSettings
        {
            BetaPrior = new BetaPrior(0, 1),
            NormalPrior = NormalInverseGammaPrior.Weak with { Kappa = -1 },
            BurnInTrials = -1,
            DiscountHalfLife = TimeSpan.Zero,
            MonteCarloDraws = 10,
            MaxSegments = -1,
            MinSegmentTrials = double.NaN,
            RewardModel = (RewardModel)7,
        };

        var failures = settings.Validate();

        Assert.Equal(8, failures.Count);
        Assert.Contains("BanditSettings.BetaPrior.Alpha is '0': it must be a finite number above 0.", failures);
        Assert.Contains("BanditSettings.NormalPrior.Kappa is '-1': it must be a finite number above 0.", failures);
        Assert.Contains("BanditSettings.DiscountHalfLife is '00:00:00': it must be positive, or unset for no discounting.", failures);
        Assert.Contains("BanditSettings.MonteCarloDraws is '10': it must be between 100 and 10,000,000.", failures);
        Assert.Contains(failures, f => f.StartsWith("BanditSettings.RewardModel is '7'", StringComparison.Ordinal));
    }

    [Fact]
    public void EnsureValid_BrokenRule_ThrowsWithMessage()
    {
        var exception = Assert.Throws<ArgumentException>(() => new BanditSettings { BurnInTrials = -2 }.EnsureValid());

        Assert.Contains("BanditSettings.BurnInTrials is '-2'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_Valid_ReturnsSameSettings()
    {
        var settings = new BanditSettings { RewardModel = RewardModel.Continuous };

        Assert.Same(settings, settings.EnsureValid());
    }
}
