namespace Experimentation.Analysis;

internal static class Validate
{
    public static double Level(double level, string name = "level")
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(name, level, "A confidence level must be strictly between 0 and 1.");
        }

        return level;
    }

    public static double Probability(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be strictly between 0 and 1.");
        }

        return value;
    }

    public static double Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and positive.");
        }

        return value;
    }
}
