namespace Grains.Interfaces.Decisions;

/// <summary>Why a variant was chosen. Only hash, thompson and burn_in decisions log an exposure.</summary>
public static class DecisionReasons
{
    /// <summary>An ab split: the user's hash bucket picked the variant (propensity = its weight).</summary>
    public const string Hash = "hash";

    /// <summary>A bandit drew the variant from its posterior's probability of being best.</summary>
    public const string Thompson = "thompson";

    /// <summary>A bandit still splitting uniformly until every arm has its burn-in trials.</summary>
    public const string BurnIn = "burn_in";

    /// <summary>The user falls in the holdout share: the control, not counted.</summary>
    public const string Holdout = "holdout";

    /// <summary>Targeting, traffic allocation or the layer range excludes the user: the control, not counted.</summary>
    public const string NotTargeted = "not_targeted";

    /// <summary>The experiment is stopped: the control, not counted.</summary>
    public const string Stopped = "stopped";

    /// <summary>True when the decision is an exposure that counts as a trial.</summary>
    public static bool IsExposure(string reason) => reason is Hash or Thompson or BurnIn;
}
