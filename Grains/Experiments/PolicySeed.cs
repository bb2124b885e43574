using Grains.Hashing;

namespace Grains.Experiments;

/// <summary>
/// Seeds for the Monte Carlo behind bandit policies and Bayesian results. The seed must be the same in
/// every process: <see cref="HashCode"/> is randomised per process, so a silo taking over after a
/// crash (or another silo answering GET results) would otherwise draw different numbers from the
/// same state.
/// </summary>
internal static class PolicySeed
{
    /// <summary>FNV-1a over the experiment id, then the definition version and the update count, folded to 32 bits.</summary>
    public static int Of(string experimentId, long version, long updates)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        var hash = Mix(Fnv1a.Hash64(experimentId) ^ (ulong)version);
        hash = Mix(hash ^ (ulong)updates);
        return unchecked((int)(hash ^ (hash >> 32)));
    }

    // SplitMix64's finaliser: nearby versions and counts give unrelated seeds.
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
