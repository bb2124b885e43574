namespace Experimentation.Tests.Analysis;

/// <summary>Seeded draws for the simulation tests.</summary>
internal static class Simulation
{
    /// <summary>Converted users out of <paramref name="users"/>, each converting with <paramref name="rate"/>.</summary>
    public static long Conversions(Random random, int users, double rate)
    {
        long conversions = 0;
        for (var i = 0; i < users; i++)
        {
            conversions += random.NextDouble() < rate ? 1 : 0;
        }

        return conversions;
    }

    /// <summary>A standard normal draw (Box–Muller), so the tests control every random number.</summary>
    public static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
