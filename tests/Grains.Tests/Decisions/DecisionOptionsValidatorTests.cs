using Grains.Decisions;

namespace Grains.Tests.Decisions;

public sealed class DecisionOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoFailure()
    {
        Assert.Empty(DecisionOptionsValidator.Validate(new DecisionOptions()));
    }

    [Fact]
    public void Validate_NegativeWindow_NamesKeyValueAndRule()
    {
        var failure = Assert.Single(DecisionOptionsValidator.Validate(new DecisionOptions { ExposureDedupWindow = TimeSpan.FromSeconds(-1) }));

        Assert.Equal("Decisions:ExposureDedupWindow is '-00:00:01': it must be between 00:00:00 and 1.00:00:00.", failure);
    }

    [Fact]
    public void Validate_SlotsNotAPowerOfTwo_NamesKeyValueAndRule()
    {
        var failure = Assert.Single(DecisionOptionsValidator.Validate(new DecisionOptions { ExposureDedupSlots = 3000 }));

        Assert.Equal("Decisions:ExposureDedupSlots is '3000': it must be a power of two.", failure);
    }

    [Fact]
    public void Validate_TooFewSlots_NamesTheRange()
    {
        var failure = Assert.Single(DecisionOptionsValidator.Validate(new DecisionOptions { ExposureDedupSlots = 512 }));

        Assert.Equal("Decisions:ExposureDedupSlots is '512': it must be between 1024 and 16777216.", failure);
    }

    [Fact]
    public void Validate_DefaultClockSkewTolerance_IsFiveSeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), new DecisionOptions().ClockSkewTolerance);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:05:01")]
    public void Validate_ClockSkewToleranceOutOfRange_NamesKeyValueAndRule(string tolerance)
    {
        var failure = Assert.Single(DecisionOptionsValidator.Validate(new DecisionOptions { ClockSkewTolerance = TimeSpan.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal($"Decisions:ClockSkewTolerance is '{tolerance}': it must be between 00:00:00 and 00:05:00.", failure);
    }
}
