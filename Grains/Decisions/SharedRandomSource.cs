namespace Grains.Decisions;

/// <summary>Production randomness: <see cref="Random.Shared"/>, or a seeded generator behind a lock when a seed is configured.</summary>
public sealed class SharedRandomSource(int? seed = null) : IRandomSource
{
    private readonly Random? _seeded = seed is { } value ? new Random(value) : null;
    private readonly Lock _gate = new();

    public double NextDouble()
    {
        if (_seeded is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (_gate)
        {
            return _seeded.NextDouble();
        }
    }
}
