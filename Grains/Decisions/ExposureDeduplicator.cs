using Grains.Hashing;
using Grains.Interfaces.Experiments;
using Microsoft.Extensions.Options;

namespace Grains.Decisions;

/// <summary>
/// Remembers which hash-assigned exposures this silo logged recently, so a user who is shown the same
/// variant again and again logs one exposure per window instead of one per request. A fixed table of
/// 64-bit slots, each a key tag and the second it was logged, written with single atomic stores: it
/// costs no allocation and no lock, and a slot taken over by another key only means one extra log.
/// A race between two decides of one key at most logs it twice.
/// </summary>
public sealed class ExposureDeduplicator
{
    // Four ways per bucket, one cache line of 32 bytes: two keys that hash to one bucket do not evict
    // each other on every visit, as they would in a direct-mapped table.
    private const int Ways = 4;
    private readonly long[] _slots;
    private readonly int _bucketMask;
    private readonly long _windowSeconds;

    public ExposureDeduplicator(IOptions<DecisionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slots = new long[options.Value.ExposureDedupSlots];
        _bucketMask = (_slots.Length / Ways) - 1;
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
        var tag = (uint)(hash >> 32);
        var second = (uint)now.ToUnixTimeSeconds();
        var bucket = _slots.AsSpan((int)(hash & (ulong)_bucketMask) * Ways, Ways);
        var victim = 0;
        for (var way = 0; way < Ways; way++)
        {
            var entry = Volatile.Read(ref bucket[way]);
            if (entry != 0 && (uint)(entry >>> 32) == tag)
            {
                // Unsigned: a clock stepped back makes the age huge, so the exposure is logged again.
                if (second - (uint)entry < window)
                {
                    return false;
                }

                victim = way;
                break;
            }

            // Otherwise the key takes the way logged longest ago (an empty one first).
            if ((uint)entry < (uint)bucket[victim])
            {
                victim = way;
            }
        }

        Volatile.Write(ref bucket[victim], ((long)tag << 32) | second);
        return true;
    }
}
