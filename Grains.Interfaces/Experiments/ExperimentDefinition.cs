namespace Grains.Interfaces.Experiments;

/// <summary>
/// An experiment as JSON in camelCase on <c>PUT /v1/experiments/{id}</c> and in storage. Optional fields
/// carry their defaults here, so a missing field and its default mean the same thing.
/// </summary>
/// <remarks>
/// Properties are settable rather than init-only because the JSON source generator replaces the initial
/// values of init-only properties missing from the input with default(T) (dotnet/runtime#84484).
/// </remarks>
public sealed record ExperimentDefinition
{
    /// <summary>Optional on <c>PUT /v1/experiments/{id}</c>, which takes the id from the path; a body id must equal it.</summary>
    public string Id { get; set; } = "";

    /// <summary><see cref="ExperimentTypes.Ab"/> (fixed weights) or <see cref="ExperimentTypes.Bandit"/> (learned split).</summary>
    public string Type { get; set; } = "";

    /// <summary>Two or more variants; the first is the control, shown to holdout users.</summary>
    public List<VariantDefinition> Variants { get; set; } = [];

    /// <summary>Reshuffles users when changed; null or empty means the id (see <see cref="EffectiveSalt"/>).</summary>
    public string? Salt { get; set; }

    /// <summary>Share of eligible users (of the layer range, if any) who enter the experiment, in [0, 1].</summary>
    public double TrafficAllocation { get; set; } = 1;

    /// <summary>Share of the allocated users kept out of the comparison and shown the control, in [0, 1].</summary>
    public double Holdout { get; set; }

    /// <summary>Mutual exclusion: experiments of one layer with disjoint ranges never share a user.</summary>
    public LayerAllocation? Layer { get; set; }

    /// <summary>Every condition must hold for a user to be eligible.</summary>
    public List<TargetingCondition> Targeting { get; set; } = [];

    /// <summary>The event type that counts as a reward (a conversion) for an exposed user.</summary>
    public string RewardEventType { get; set; } = "conversion";

    /// <summary><see cref="RewardKinds.Binary"/> (converted or not) or <see cref="RewardKinds.Continuous"/> (the event's value).</summary>
    public string RewardKind { get; set; } = RewardKinds.Binary;

    /// <summary>How long after an exposure a reward event still counts, in seconds (1 second to 30 days).</summary>
    public long AttributionWindowSeconds { get; set; } = 86_400;

    /// <summary>Guardrail metrics, analysed beside the primary metric (the reward event type).</summary>
    public List<GuardrailDefinition> Guardrails { get; set; } = [];

    /// <summary>
    /// τ² of the mSPRT's normal mixture, in squared units of the difference tested; null picks one from
    /// the data (the control's variance per user divided by 100, a prior on effects of about a tenth of
    /// a standard deviation).
    /// </summary>
    public double? SequentialMixtureVariance { get; set; }

    /// <summary>Bandit tuning; only for <see cref="ExperimentTypes.Bandit"/>, null for the defaults.</summary>
    public BanditDefinition? Bandit { get; set; }

    /// <summary><see cref="ExperimentStatuses.Running"/> or <see cref="ExperimentStatuses.Stopped"/>.</summary>
    public string Status { get; set; } = ExperimentStatuses.Running;

    /// <summary>Set by the server on every change; ignored on input.</summary>
    public long Version { get; set; }

    /// <summary>
    /// Set by the server; ignored on input. A redefinition that resets the statistics (other arms, another
    /// reward, other ab weights) starts the next iteration, and only the current iteration's enrolments,
    /// exposures and credits count. The first is 0, as are definitions stored before iterations existed.
    /// </summary>
    public long Iteration { get; set; }

    /// <summary>Set by the server on every change; ignored on input.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The salt hashed with the id and the user: <see cref="Salt"/>, or the id when none is given.</summary>
    public string EffectiveSalt() => string.IsNullOrEmpty(Salt) ? Id : Salt;

    public TimeSpan AttributionWindow() => TimeSpan.FromSeconds(AttributionWindowSeconds);
}
