using Grains.Hashing;
using Grains.Interfaces.Experiments;
using Microsoft.Extensions.Options;

namespace Grains.Decisions;

/// <summary>
/// Remembers which hash-assigned exposures this silo logged recently, so a user who is shown the same
/// variant again and again logs one exposure per window instead of one per request. A fixed table of
/// 64-bit slots, each a key tag and the second it was logged, written with single atomic stores: it
/// costs no allocation and no lock, and a slot taken over by another key only means one extra log.
/// </summary>
public sealed class ExposureDeduplicator
{
    private readonly long[] _slots;
    private readonly int _mask;
    private readonly long _windowSeconds;

    public ExposureDeduplicator(IOptions<DecisionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slots = new long[options.Value.ExposureDedupSlots];
        _mask = _slots.Length - 1;
        _windowSeconds = (long)options.Value.ExposureDedupWindow.TotalSeconds;
    }

    /// <summary>
    /// True when the exposure must be logged: no exposure of this user to this variant of this experiment
    /// version was logged here within the window; the exposure is then remembered as logged.
    /// </summary>
    public bool ShouldLog(string userId, ExperimentDefinition experiment, string variant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(experiment);

        // The user grain counts a reward's window from the last logged exposure.
        var window = Math.Min(_windowSeconds, experiment.AttributionWindowSeconds / 10);
        if (window <= 0)
        {
            return true;
        }

        var hash = Fnv1a.Hash64(userId);
        hash = Fnv1a.Hash64(experiment.Id, SplitMix64.Mix(hash));
        hash = Fnv1a.Hash64(variant, SplitMix64.Mix(hash ^ (ulong)experiment.Version));
        hash = SplitMix64.Mix(hash);
        ref var slot = ref _slots[(int)(hash & (ulong)_mask)];
        var tag = (uint)(hash >> 32);
        var second = (uint)now.ToUnixTimeSeconds();
        var entry = Volatile.Read(ref slot);

        // Unsigned: a clock stepped back makes the age huge, so the exposure is logged again.
        if ((uint)(entry >>> 32) == tag && entry != 0 && second - (uint)entry < window)
        {
            return false;
        }

        Volatile.Write(ref slot, ((long)tag << 32) | second);
        return true;
    }
}
