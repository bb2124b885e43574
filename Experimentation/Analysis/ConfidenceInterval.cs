namespace Experimentation.Analysis;

/// <summary>A frequentist interval for a difference or lift, at confidence <paramref name="Level"/>.</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>True when the interval lies entirely above zero.</summary>
    public bool IsPositive => Lower > 0;

    /// <summary>True when the interval lies entirely below zero.</summary>
    public bool IsNegative => Upper < 0;
}
