namespace Experimentation.Assignment;

/// <summary>Why a user is, or is not, in an experiment.</summary>
public enum AssignmentKind
{
    /// <summary>In the experiment, shown <see cref="AssignmentOutcome.VariantIndex"/>.</summary>
    Assigned,

    /// <summary>The user's layer bucket falls outside the experiment's range: another experiment of the layer may own them.</summary>
    NotInLayerRange,

    /// <summary>Outside the experiment's traffic allocation: shown the default experience, not logged as exposed.</summary>
    NotInTraffic,

    /// <summary>In the allocated traffic but held out: shown the control (variant 0) and kept out of the comparison.</summary>
    Holdout,
}
