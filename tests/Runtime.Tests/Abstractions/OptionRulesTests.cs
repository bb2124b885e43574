using Runtime.Abstractions;

namespace Runtime.Tests.Abstractions;

public sealed class OptionRulesTests
{
    [Theory]
    [InlineData(0, "Section:Timeout is '00:00:00': it must be greater than zero.")]
    [InlineData(-1, "Section:Timeout is '-00:00:01': it must be greater than zero.")]
    public void Positive_NotAboveZero_NamesKeyValueAndRule(int seconds, string expected)
    {
        var failures = new List<string>();

        OptionRules.Positive(failures, "Section:Timeout", TimeSpan.FromSeconds(seconds));

        Assert.Equal([expected], failures);
    }

    [Fact]
    public void Positive_AboveZero_AddsNothing()
    {
        var failures = new List<string>();

        OptionRules.Positive(failures, "Section:Timeout", TimeSpan.FromTicks(1));

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(0, "Section:Size is '0': it must be between 1 and 100000.")]
    [InlineData(100_001, "Section:Size is '100001': it must be between 1 and 100000.")]
    public void InRange_OutsideTheBounds_NamesKeyValueAndRule(int value, string expected)
    {
        var failures = new List<string>();

        OptionRules.InRange(failures, "Section:Size", value, 1, 100_000);

        Assert.Equal([expected], failures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public void InRange_OnABound_AddsNothing(int value)
    {
        var failures = new List<string>();

        OptionRules.InRange(failures, "Section:Size", value, 1, 100_000);

        Assert.Empty(failures);
    }

    [Fact]
    public void InRange_TimeSpanOutside_WritesTheBoundsAsTimeSpans()
    {
        var failures = new List<string>();

        OptionRules.InRange(failures, "Section:Interval", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));

        Assert.Equal(["Section:Interval is '00:02:00': it must be between 00:00:00.1000000 and 00:01:00."], failures);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(-0.5, "-0.5")]
    public void NonNegativeFinite_NegativeOrNotFinite_NamesKeyValueAndRule(double value, string shown)
    {
        var failures = new List<string>();

        OptionRules.NonNegativeFinite(failures, "Section:Weight", value);

        Assert.Equal([$"Section:Weight is '{shown}': it must be a finite number of zero or more."], failures);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void NonNegativeFinite_ZeroOrMore_AddsNothing(double value)
    {
        var failures = new List<string>();

        OptionRules.NonNegativeFinite(failures, "Section:Weight", value);

        Assert.Empty(failures);
    }

    [Fact]
    public void ThrowIfAny_NoFailures_DoesNotThrow()
    {
        var exception = Record.Exception(() => OptionRules.ThrowIfAny([], "options"));

        Assert.Null(exception);
    }

    [Fact]
    public void ThrowIfAny_SeveralFailures_ThrowsOneLineEachForTheParameter()
    {
        var exception = Assert.Throws<ArgumentException>(() => OptionRules.ThrowIfAny(["first.", "second."], "options"));

        Assert.Equal("options", exception.ParamName);
        Assert.StartsWith("first." + Environment.NewLine + "second.", exception.Message, StringComparison.Ordinal);
    }
}
