namespace Experimentation.Bandits;

/// <summary>Packs per-arm statistics into flat arrays of four values an arm, for <see cref="ArmTableData"/>.</summary>
internal static class ArmStatisticsPacking
{
    public const int ValuesPerArm = 4;

    public static double[] Pack(ArmStatistics[] arms, double scale)
    {
        var packed = new double[arms.Length * ValuesPerArm];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var statistics = arms[arm].Scale(scale);
            var offset = arm * ValuesPerArm;
            packed[offset] = statistics.Trials;
            packed[offset + 1] = statistics.Successes;
            packed[offset + 2] = statistics.ValueSum;
            packed[offset + 3] = statistics.ValueSumOfSquares;
        }

        return packed;
    }

    public static ArmStatistics[] Unpack(double[]? packed, int armCount, string scope)
    {
        if (packed is null || packed.Length != armCount * ValuesPerArm)
        {
            throw new ArgumentException(
                $"ArmTableData {scope} has {packed?.Length ?? 0} values: it must have {ValuesPerArm} per arm, {armCount * ValuesPerArm} in all.");
        }

        var arms = new ArmStatistics[armCount];
        for (var arm = 0; arm < armCount; arm++)
        {
            var offset = arm * ValuesPerArm;
            var values = packed.AsSpan(offset, ValuesPerArm);
            if (!(values[0] >= 0) || !AllFinite(values))
            {
                throw new ArgumentException($"ArmTableData {scope} arm {arm}: values must be finite and trials not negative.");
            }

            arms[arm] = new(packed[offset], packed[offset + 1], packed[offset + 2], packed[offset + 3]);
        }

        return arms;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}
