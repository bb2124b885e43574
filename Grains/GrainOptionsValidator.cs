using Experimentation.Features;
using Experimentation.Trending;
using Grains.Decisions;
using Microsoft.Extensions.Options;

namespace Grains;

/// <summary>Validates the UserFeatures, Trending and Decisions sections at start-up, naming the key, the value and the rule.</summary>
internal sealed class GrainOptionsValidator : IValidateOptions<UserFeatureOptions>, IValidateOptions<TrendingOptions>, IValidateOptions<DecisionOptions>
{
    public ValidateOptionsResult Validate(string? name, UserFeatureOptions options) => Result(UserFeatureOptionsValidator.Validate(options));

    public ValidateOptionsResult Validate(string? name, TrendingOptions options) => Result(TrendingOptionsValidator.Validate(options));

    public ValidateOptionsResult Validate(string? name, DecisionOptions options) => Result(DecisionOptionsValidator.Validate(options));

    private static ValidateOptionsResult Result(IReadOnlyList<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
