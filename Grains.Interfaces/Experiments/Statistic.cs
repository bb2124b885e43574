namespace Grains.Interfaces.Experiments;

/// <summary>
/// How results carry a statistic that has no value: as null. NaN and the infinities are not JSON
/// numbers, and written as the strings "NaN" or "Infinity" they break clients that expect a number.
/// </summary>
public static class Statistic
{
    /// <summary><paramref name="value"/>, or null when it is NaN or infinite.</summary>
    public static double? OrNull(double value) => double.IsFinite(value) ? value : null;

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, or null when the denominator is zero (no users, no exposures).</summary>
    public static double? Ratio(double numerator, double denominator) => denominator != 0 ? OrNull(numerator / denominator) : null;
}
