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
        // Mixed after each step: nearby versions and counts give unrelated seeds.
        var hash = SplitMix64.Mix(Fnv1a.Hash64(experimentId) ^ (ulong)version);
        hash = SplitMix64.Mix(hash ^ (ulong)updates);
        return unchecked((int)(hash ^ (hash >> 32)));
    }
}
