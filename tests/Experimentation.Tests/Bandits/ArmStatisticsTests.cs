using Experimentation.Bandits;

namespace Experimentation.Tests.Bandits;

public sealed class ArmStatisticsTests
{
    [Fact]
    public void ForOutcome_Success_CountsTrialSuccessAndUnitValue() =>
        Assert.Equal(new ArmStatistics(1, 1, 1, 1), ArmStatistics.ForOutcome(true));

    [Fact]
    public void ForOutcome_Failure_CountsTrialOnly() =>
        Assert.Equal(new ArmStatistics(1, 0, 0, 0), ArmStatistics.ForOutcome(false));

    [Fact]
    public void ForValue_Value_RecordsSumAndSquare() =>
        Assert.Equal(new ArmStatistics(1, 0, -3, 9), ArmStatistics.ForValue(-3));

    [Fact]
    public void ForValue_NotFinite_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ArmStatistics.ForValue(double.NaN));

    [Fact]
    public void Add_TwoStatistics_SumsEveryField()
    {
        var sum = new ArmStatistics(2, 1, 3, 5) + new ArmStatistics(10, 4, 7, 11);

        Assert.Equal(new ArmStatistics(12, 5, 10, 16), sum);
        Assert.Equal(5.0 / 12, sum.SuccessRate, 12);
        Assert.Equal(10.0 / 12, sum.MeanValue, 12);
    }

    [Fact]
    public void Decay_OneHalfLife_HalvesEveryField()
    {
        var decayed = new ArmStatistics(100, 40, 40, 40).Decay(TimeSpan.FromHours(6), TimeSpan.FromHours(6));

        Assert.Equal(new ArmStatistics(50, 20, 20, 20), decayed);
    }

    [Fact]
    public void Decay_TwoHalfLivesInSteps_EqualsOneStepOfBoth()
    {
        var halfLife = TimeSpan.FromMinutes(30);
        var start = new ArmStatistics(1000, 70, 70, 70);

        var stepwise = start.Decay(TimeSpan.FromMinutes(17), halfLife).Decay(TimeSpan.FromMinutes(43), halfLife);

        Assert.Equal(250, stepwise.Trials, 9);
        Assert.Equal(17.5, stepwise.Successes, 9);
    }

    [Fact]
    public void DecayFactor_NegativeElapsed_IsOne() =>
        Assert.Equal(1, ArmStatistics.DecayFactor(TimeSpan.FromSeconds(-5), TimeSpan.FromMinutes(1)));

    [Fact]
    public void DecayFactor_ZeroHalfLife_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ArmStatistics.DecayFactor(TimeSpan.FromSeconds(1), TimeSpan.Zero));

    [Fact]
    public void Scale_NegativeFactor_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArmStatistics(1, 1, 1, 1).Scale(-0.5));
}
