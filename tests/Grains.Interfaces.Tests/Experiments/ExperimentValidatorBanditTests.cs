using Grains.Interfaces.Experiments;
using static Grains.Interfaces.Tests.Experiments.Definitions;

namespace Grains.Interfaces.Tests.Experiments;

public sealed class ExperimentValidatorBanditTests
{
    [Fact]
    public void Validate_BanditSettingsOnAbExperiment_Rejected() =>
        AssertOnlyError(Ab() with { Bandit = new() }, "bandit", "is only allowed for bandit experiments");

    [Fact]
    public void Validate_BanditWithoutSettings_Accepted() => Assert.Empty(Validate(Bandit() with { Bandit = null }));

    [Theory]
    [InlineData(0, 1, 1, "bandit.prior.alpha")]
    [InlineData(1, -1, 1, "bandit.prior.beta")]
    [InlineData(1, 1, 0, "bandit.prior.kappa")]
    [InlineData(2e6, 1, 1, "bandit.prior.alpha")]
    [InlineData(double.NaN, 1, 1, "bandit.prior.alpha")]
    public void Validate_PriorParameterOutOfRange_Rejected(double alpha, double beta, double kappa, string field) =>
        AssertOnlyError(WithSettings(new() { Prior = new() { Alpha = alpha, Beta = beta, Kappa = kappa } }), field, "must be above 0 and at most 1000000");

    [Fact]
    public void Validate_PriorMeanNotFinite_Rejected() =>
        AssertOnlyError(WithSettings(new() { Prior = new() { Mean = double.PositiveInfinity } }), "bandit.prior.mean", "must be a finite number");

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Validate_BurnInOutOfRange_Rejected(int trials) =>
        AssertOnlyError(WithSettings(new() { BurnInTrials = trials }), "bandit.burnInTrials", "must lie in 0..1000000");

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Validate_ExplorationShareOutsideUnitInterval_Rejected(double share) =>
        AssertOnlyError(WithSettings(new() { MinExplorationShare = share }), "bandit.minExplorationShare", "must lie in [0, 1]");

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(31_536_001)]
    public void Validate_HalfLifeOutOfRange_Rejected(long seconds) =>
        AssertOnlyError(WithSettings(new() { DiscountHalfLifeSeconds = seconds }), "bandit.discountHalfLifeSeconds", "1 minute to 365 days");

    [Fact]
    public void Validate_DuplicateSegmentKey_Rejected() =>
        AssertOnlyError(WithSettings(new() { SegmentBy = ["device", "location", "device"] }), "bandit.segmentBy[2]", "'device' is listed twice");

    [Fact]
    public void Validate_InvalidSegmentKey_Rejected() =>
        AssertOnlyError(WithSettings(new() { SegmentBy = ["device kind"] }), "bandit.segmentBy[0]", "letters, digits");

    [Fact]
    public void Validate_TooManySegmentKeys_Rejected() =>
        AssertOnlyError(WithSettings(new() { SegmentBy = ["a", "b", "c", "d", "e"] }), "bandit.segmentBy", "has 5 keys; at most 4 are allowed");

    private static ExperimentDefinition WithSettings(BanditDefinition settings) => Bandit() with { Bandit = settings };
}
