using Experimentation.Features;
using Experimentation.Trending;
using Microsoft.Extensions.Options;

namespace Grains;

/// <summary>Validates the UserFeatures and Trending sections at start-up, naming the key, the value and the rule.</summary>
internal sealed class GrainOptionsValidator : IValidateOptions<UserFeatureOptions>, IValidateOptions<TrendingOptions>
{
    public ValidateOptionsResult Validate(string? name, UserFeatureOptions options) => Result(UserFeatureOptionsValidator.Validate(options));

    public ValidateOptionsResult Validate(string? name, TrendingOptions options) => Result(TrendingOptionsValidator.Validate(options));

    private static ValidateOptionsResult Result(IReadOnlyList<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
