namespace Grains.Interfaces.Experiments;

/// <summary>Bounds that keep one definition small enough to cache on every silo and serve per request.</summary>
public static class ExperimentLimits
{
    public const int MinVariants = 2;
    public const int MaxVariants = 20;
    public const int MaxNameLength = 64;
    public const int MaxConfigBytes = 8 * 1024;
    public const int MaxTargetingConditions = 20;
    public const int MaxTargetingValues = 100;
    public const int MaxSegmentKeys = 4;
    public const int MaxGuardrails = 10;
    public const int MaxBurnInTrials = 1_000_000;
    public const double MaxPriorParameter = 1e6;

    /// <summary>Weights must sum to 1 within this tolerance, which absorbs decimal rounding such as 3 × 0.333…</summary>
    public const double WeightSumTolerance = 1e-9;

    public static readonly TimeSpan MaxAttributionWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan MinDiscountHalfLife = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxDiscountHalfLife = TimeSpan.FromDays(365);
}
