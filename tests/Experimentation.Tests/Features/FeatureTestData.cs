using Experimentation.Features;

namespace Experimentation.Tests.Features;

internal static class FeatureTestData
{
    /// <summary>A whole hour, so every bucket boundary falls on a round offset from it.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static FeatureEvent Event(string type, DateTimeOffset at, string? session = null, string? item = null, string? category = null, double? value = null) =>
        new(type, at, session, item, category, value);

    public static UserFeatureModel Model(Action<UserFeatureOptions>? configure = null)
    {
        var options = new UserFeatureOptions();
        configure?.Invoke(options);
        UserFeatureOptionsValidator.ThrowIfInvalid(options);
        return new UserFeatureModel(options);
    }

    /// <summary>Applies with "now" equal to the event's own time, as a live stream would.</summary>
    public static FeatureApplyResult ApplyLive(this UserFeatureModel model, FeatureEvent interaction) =>
        model.Apply(interaction, interaction.Timestamp);
}
