namespace Experimentation.Features;

/// <summary>
/// Σ w·0.5^((t_ref − t)/h) stored as one score at a reference time, so adding an event is O(1) and
/// reading at any time is one multiplication: score(now) = Score·0.5^((now − ReferenceMs)/h).
/// </summary>
internal readonly record struct DecayedScore(double Score, long ReferenceMs)
{
    public static double Factor(long elapsedMs, long halfLifeMs) => Math.Pow(0.5, (double)elapsedMs / halfLifeMs);

    /// <summary>Adds <paramref name="weight"/> observed at <paramref name="timeMs"/>; a late event decays to the current reference instead of moving it back.</summary>
    public DecayedScore Add(double weight, long timeMs, long halfLifeMs) => Score == 0 || timeMs >= ReferenceMs
        ? new(Score * Factor(timeMs - ReferenceMs, halfLifeMs) + weight, timeMs)
        : new(Score + weight * Factor(ReferenceMs - timeMs, halfLifeMs), ReferenceMs);

    public double At(long nowMs, long halfLifeMs) => Score == 0 ? 0 : Score * Factor(nowMs - ReferenceMs, halfLifeMs);
}
