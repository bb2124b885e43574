using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class BenjaminiHochbergTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("bh");

    [Theory]
    [MemberData(nameof(RCases))]
    public void Adjust_RCase_MatchesPAdjustBH(int number)
    {
        var r = ReferenceValues.Case("bh", number);

        var adjusted = BenjaminiHochberg.Adjust(ReferenceValues.Vector(r, "p"));

        var expected = ReferenceValues.Vector(r, "adjusted");
        Assert.Equal(expected.Length, adjusted.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            ReferenceValues.AssertClose(expected[i], adjusted[i], $"adjusted p {i + 1}");
        }
    }

    [Fact]
    public void Adjust_Empty_ReturnsEmpty()
    {
        Assert.Empty(BenjaminiHochberg.Adjust([]));
    }

    [Fact]
    public void Adjust_PValueOutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BenjaminiHochberg.Adjust([0.2, double.NaN]));
    }
}
