using Experimentation.Features;

namespace Experimentation.Tests.Features;

public sealed class UserFeatureOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(UserFeatureOptionsValidator.Validate(new UserFeatureOptions()));

    [Theory]
    [InlineData("SessionGap", "UserFeatures:SessionGap is '00:00:00': it must be greater than zero.")]
    [InlineData("AllowedLateness", "UserFeatures:AllowedLateness is '-00:00:01': it must be zero or more")]
    [InlineData("AffinityHalfLife", "UserFeatures:AffinityHalfLife is '00:00:00': it must be greater than zero.")]
    [InlineData("MaxCategories", "UserFeatures:MaxCategories is '0': it must be between 1 and 1000.")]
    [InlineData("MaxEventTypes", "UserFeatures:MaxEventTypes is '1': it must be between 2 and 64.")]
    [InlineData("EventWeights", "UserFeatures:EventWeights:click is '-2': it must be a finite number of zero or more.")]
    [InlineData("DefaultEventWeight", "UserFeatures:DefaultEventWeight is 'NaN': it must be a finite number of zero or more.")]
    public void Validate_BadValue_NamesKeyValueAndRule(string property, string expected)
    {
        var options = new UserFeatureOptions();
        switch (property)
        {
            case "SessionGap": options.SessionGap = TimeSpan.Zero; break;
            case "AllowedLateness": options.AllowedLateness = TimeSpan.FromSeconds(-1); break;
            case "AffinityHalfLife": options.AffinityHalfLife = TimeSpan.Zero; break;
            case "MaxCategories": options.MaxCategories = 0; break;
            case "MaxEventTypes": options.MaxEventTypes = 1; break;
            case "EventWeights": options.EventWeights["click"] = -2; break;
            case "DefaultEventWeight": options.DefaultEventWeight = double.NaN; break;
        }

        var failure = Assert.Single(UserFeatureOptionsValidator.Validate(options));

        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_SeveralProblems_ListsThemAll()
    {
        var options = new UserFeatureOptions { SessionGap = TimeSpan.FromDays(2), MaxRecentItems = -1 };

        var error = Assert.Throws<ArgumentException>(() => UserFeatureOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains("UserFeatures:SessionGap is '2.00:00:00': it must be at most 1.00:00:00.", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserFeatures:MaxRecentItems is '-1'", error.Message, StringComparison.Ordinal);
    }
}
