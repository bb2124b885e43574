namespace Experimentation.Features;

/// <summary>What <see cref="UserFeatureModel.Apply"/> did with an event.</summary>
public enum FeatureApplyResult
{
    /// <summary>Counted everywhere it belongs.</summary>
    Applied,

    /// <summary>
    /// Older than the allowed lateness behind the newest event: counted in windows, affinity and
    /// engagement, but not in the current session.
    /// </summary>
    AppliedLate,

    /// <summary>Older than the longest window (24 h before now): nothing changed.</summary>
    IgnoredTooOld,
}
