using Grains.Interfaces.Events;

namespace Grains.Interfaces.Tests.Events;

public sealed class EventValidatorTests
{
    [Theory]
    [InlineData("user-42")]
    [InlineData("A.b_c:d@e-9")]
    [InlineData("x")]
    public void IsValidId_LettersDigitsAndPunctuationAllowed_IsValid(string id) => Assert.True(EventValidator.IsValidId(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("user 42")]
    [InlineData("user/42")]
    [InlineData("usér")]
    [InlineData("user\u0000")]
    public void IsValidId_EmptyOrOtherCharacters_IsInvalid(string? id) => Assert.False(EventValidator.IsValidId(id));

    [Fact]
    public void IsValidId_LongerThanTheLimit_IsInvalid()
    {
        Assert.True(EventValidator.IsValidId(new string('a', EventLimits.MaxIdLength)));
        Assert.False(EventValidator.IsValidId(new string('a', EventLimits.MaxIdLength + 1)));
    }

    [Theory]
    [InlineData("purchase", true)]
    [InlineData("add_to_cart2", true)]
    [InlineData("Purchase", false)]
    [InlineData("2nd_view", false)]
    [InlineData("_view", false)]
    [InlineData("view-item", false)]
    [InlineData("", false)]
    public void IsLowercaseIdentifier_Text_MatchesTheRule(string text, bool expected) =>
        Assert.Equal(expected, EventValidator.IsLowercaseIdentifier(text));
}
