namespace Grains.Interfaces.Experiments;

/// <summary>A point estimate with its 95 % interval; a part that is undefined (no variance, no users) or unbounded is null.</summary>
public sealed record Estimate(double? Value, double? Lower, double? Upper)
{
    /// <summary>The estimate with every non-finite part as null, since JSON has no number for them.</summary>
    public static Estimate Of(double value, double lower, double upper) =>
        new(Statistic.OrNull(value), Statistic.OrNull(lower), Statistic.OrNull(upper));
}
