namespace Experimentation.Bandits;

internal static class PosteriorMath
{
    /// <summary>The mass in each tail of an equal-tailed interval.</summary>
    public static double Tail(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A credible level must be strictly between 0 and 1.");
        }

        return (1 - level) / 2;
    }

    public static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Posterior parameter {name} must be finite and positive.");
        }
    }

    public static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Posterior parameter {name} must be finite.");
        }
    }
}
