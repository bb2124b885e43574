using Experimentation.Trending;

namespace Experimentation.Tests.Trending;

public sealed class TrendingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(TrendingOptionsValidator.Validate(new TrendingOptions()));

    [Fact]
    public void Validate_BadValues_NameKeyValueAndRule()
    {
        var options = new TrendingOptions { WindowMinutes = 0, MaxItems = 0, TopPerCategory = 5000, MaxSnapshotCategories = -1 };

        Assert.Equal(
            [
                "Trending:WindowMinutes is '0': it must be between 1 and 60.",
                "Trending:MaxItems is '0': it must be between 1 and 1000000.",
                "Trending:TopPerCategory is '5000': it must be between 1 and 1000.",
                "Trending:MaxSnapshotCategories is '-1': it must be between 0 and 10000.",
            ],
            TrendingOptionsValidator.Validate(options));
    }
}
