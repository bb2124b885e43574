using System.Globalization;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;

namespace Grains.Experiments;

/// <summary>A decision as the user grain remembers it, until a reward credits it or its window closes.</summary>
public sealed record Exposure
{
    public string ExperimentId { get; init; } = "";

    public string Variant { get; init; } = "";

    public string DecisionId { get; init; } = "";

    public double Propensity { get; init; }

    public string Segment { get; init; } = "";

    public string RewardEventType { get; init; } = "";

    public bool Continuous { get; init; }

    public long WindowSeconds { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The definition version the decision was made under (0 for exposures logged before versions were).</summary>
    public long DefinitionVersion { get; init; }

    /// <summary>The definition's iteration; its trial and reward count only in that iteration.</summary>
    public long Iteration { get; init; }

    /// <summary>The guardrail event types analysed for this experiment's users.</summary>
    public List<string> Guardrails { get; init; } = [];

    /// <summary>Set once a reward was credited: a decision counts at most once as a success.</summary>
    public bool Credited { get; set; }

    /// <summary>
    /// True when a reward at <paramref name="rewardAt"/> falls within [exposure − tolerance, exposure + window].
    /// The reward's time is the client's and the exposure's the server's, so a reward stamped just before
    /// its exposure still belongs to it (see <c>Decisions:ClockSkewTolerance</c>).
    /// </summary>
    public bool Covers(DateTimeOffset rewardAt, TimeSpan tolerance = default) =>
        rewardAt >= At - tolerance && rewardAt - At <= TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>Reads an exposure event's properties; throws with the reason when one is missing or malformed.</summary>
    public static Exposure From(InteractionEvent exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var properties = exposure.Properties ?? throw new FormatException("an exposure needs properties");
        string Required(string name) =>
            properties.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : throw new FormatException($"properties.{name}: is required on an exposure");
        double Number(string name) =>
            double.TryParse(Required(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new FormatException($"properties.{name}: must be a number");
        var propensity = Number(ExposureProperties.Propensity);
        if (propensity is <= 0 or > 1)
        {
            throw new FormatException($"properties.{ExposureProperties.Propensity}: must be in (0, 1]");
        }

        var window = Number(ExposureProperties.Window);
        var maxWindow = ExperimentLimits.MaxAttributionWindow.TotalSeconds;
        return new Exposure
        {
            ExperimentId = Required(ExposureProperties.Experiment),
            Variant = Required(ExposureProperties.Variant),
            DecisionId = Required(ExposureProperties.Decision),
            Propensity = propensity,
            Segment = properties.GetValueOrDefault(ExposureProperties.Segment) ?? "",
            RewardEventType = Required(ExposureProperties.RewardType),
            Continuous = properties.GetValueOrDefault(ExposureProperties.RewardKind) == RewardKinds.Continuous,
            WindowSeconds = window >= 1 && window <= maxWindow ? (long)window : throw new FormatException($"properties.{ExposureProperties.Window}: must be 1 to {maxWindow} seconds"),
            At = exposure.Timestamp,
            DefinitionVersion = Optional(properties, ExposureProperties.DefinitionVersion),
            Iteration = Optional(properties, ExposureProperties.Iteration),
            Guardrails = properties.GetValueOrDefault(ExposureProperties.Guardrails) is { Length: > 0 } guardrails
                ? [.. guardrails.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : [],
        };
    }

    /// <summary>The exposure event a decision logs in the user's stream.</summary>
    public InteractionEvent ToEvent(string userId) => new()
    {
        EventId = DecisionId + ":" + ExperimentId,
        UserId = userId,
        Type = ExposureProperties.ExposureType,
        Timestamp = At,
        Properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExposureProperties.Experiment] = ExperimentId,
            [ExposureProperties.Variant] = Variant,
            [ExposureProperties.Decision] = DecisionId,
            [ExposureProperties.Propensity] = Propensity.ToString("R", CultureInfo.InvariantCulture),
            [ExposureProperties.Segment] = Segment,
            [ExposureProperties.RewardType] = RewardEventType,
            [ExposureProperties.RewardKind] = Continuous ? RewardKinds.Continuous : RewardKinds.Binary,
            [ExposureProperties.Window] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
            [ExposureProperties.Guardrails] = string.Join(',', Guardrails),
            [ExposureProperties.DefinitionVersion] = DefinitionVersion.ToString(CultureInfo.InvariantCulture),
            [ExposureProperties.Iteration] = Iteration.ToString(CultureInfo.InvariantCulture),
        },
    };

    // Exposures logged before versions and iterations were carry neither: they read as 0, like their definitions.
    private static long Optional(Dictionary<string, string> properties, string name) =>
        !properties.TryGetValue(name, out var text) || string.IsNullOrEmpty(text) ? 0
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"properties.{name}: must be a whole number of zero or more");
}
