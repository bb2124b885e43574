namespace Grains.Decisions;

/// <summary>Uniform randomness for decisions, injected so tests and simulations can fix the seed.</summary>
public interface IRandomSource
{
    /// <summary>A uniform number in [0, 1); safe to call from any thread.</summary>
    double NextDouble();
}
