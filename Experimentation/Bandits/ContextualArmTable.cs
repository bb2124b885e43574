namespace Experimentation.Bandits;

/// <summary>
/// Arm statistics for a contextual bandit: global per arm, plus per segment key (for example
/// "device=mobile") for up to <see cref="BanditSettings.MaxSegments"/> segments. A segment
/// uses its own posteriors once every arm has <see cref="BanditSettings.MinSegmentTrials"/>
/// trials there, and the global ones before. With a <see cref="BanditSettings.DiscountHalfLife"/>,
/// statistics are read as of <see cref="AsOf"/>, the latest time recorded or advanced to.
/// Not thread-safe: one owner (a grain) updates it.
/// </summary>
public sealed class ContextualArmTable
{
    private readonly BanditSettings _settings;
    private readonly ArmStatistics[] _global;
    private readonly Dictionary<string, ArmStatistics[]> _segments = new(StringComparer.Ordinal);
    private readonly DecayClock _clock;

    public ContextualArmTable(int armCount, BanditSettings settings)
        : this(armCount, settings, asOf: null)
    {
    }

    private ContextualArmTable(int armCount, BanditSettings settings, DateTimeOffset? asOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(armCount, 1);
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.EnsureValid();
        _global = new ArmStatistics[armCount];
        _clock = new DecayClock(settings.DiscountHalfLife, asOf);
    }

    public int ArmCount => _global.Length;

    public int SegmentCount => _segments.Count;

    public DateTimeOffset? AsOf => _clock.AsOf;

    /// <summary>Global statistics per arm, as of <see cref="AsOf"/>.</summary>
    public IReadOnlyList<ArmStatistics> Global => Read(_global);

    /// <summary>
    /// Adds one observation of <paramref name="arm"/> made at <paramref name="at"/>, globally and
    /// to <paramref name="segment"/> (if any, and if tracked or there is room for it).
    /// Late observations count with the weight their age gives them.
    /// </summary>
    public void Record(string? segment, int arm, ArmStatistics observation, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arm);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(arm, ArmCount);
        var stored = observation.Scale(_clock.StorageWeight(at));
        _global[arm] += stored;
        if (segment is not null && SegmentArms(segment, create: true) is { } arms)
        {
            arms[arm] += stored;
        }

        RebaseIfDue();
    }

    /// <summary>Lets time pass without observations, so that discounted statistics decay.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        _clock.Advance(now);
        RebaseIfDue();
    }

    /// <summary>True when <paramref name="segment"/> has enough trials on every arm to use its own posteriors.</summary>
    public bool UsesSegment(string? segment) => SegmentStatistics(segment) is not null;

    /// <summary>The statistics a policy for <paramref name="segment"/> should use: the segment's, or else the global ones.</summary>
    public IReadOnlyList<ArmStatistics> StatisticsFor(string? segment) => SegmentStatistics(segment) ?? Read(_global);

    /// <summary>Segment statistics, tracked or not yet trusted; null for an untracked segment.</summary>
    public IReadOnlyList<ArmStatistics>? TrackedSegment(string segment) =>
        SegmentArms(segment, create: false) is { } arms ? Read(arms) : null;

    /// <summary>The Thompson policy for <paramref name="segment"/> (null: global).</summary>
    public ThompsonPolicy PolicyFor(string? segment, Random random) =>
        ThompsonPolicyCalculator.Compute(StatisticsFor(segment), _settings, random);

    public ArmTableData ToData()
    {
        var scale = _clock.ReadScale;
        return new ArmTableData
        {
            ArmCount = ArmCount,
            AsOf = AsOf,
            Global = ArmStatisticsPacking.Pack(_global, scale),
            Segments = _segments.ToDictionary(
                pair => pair.Key, pair => ArmStatisticsPacking.Pack(pair.Value, scale), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Restores a table. Every stored segment is kept, even beyond a lowered
    /// <see cref="BanditSettings.MaxSegments"/>; only new segments respect the bound.
    /// </summary>
    public static ContextualArmTable FromData(ArmTableData data, BanditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        var table = new ContextualArmTable(data.ArmCount, settings, data.AsOf);
        ArmStatisticsPacking.Unpack(data.Global, data.ArmCount, "global").CopyTo(table._global, 0);
        foreach (var (segment, packed) in data.Segments ?? [])
        {
            table._segments[segment] = ArmStatisticsPacking.Unpack(packed, data.ArmCount, $"segment '{segment}'");
        }

        return table;
    }

    private ArmStatistics[]? SegmentStatistics(string? segment)
    {
        if (segment is null || SegmentArms(segment, create: false) is not { } arms)
        {
            return null;
        }

        var statistics = Read(arms);
        return statistics.All(arm => arm.Trials >= _settings.MinSegmentTrials) ? statistics : null;
    }

    private ArmStatistics[]? SegmentArms(string segment, bool create)
    {
        if (_segments.TryGetValue(segment, out var arms))
        {
            return arms;
        }

        if (!create || _segments.Count >= _settings.MaxSegments)
        {
            return null;
        }

        arms = new ArmStatistics[ArmCount];
        _segments.Add(segment, arms);
        return arms;
    }

    private ArmStatistics[] Read(ArmStatistics[] stored)
    {
        var scale = _clock.ReadScale;
        return scale == 1 ? [.. stored] : [.. stored.Select(arm => arm.Scale(scale))];
    }

    private void RebaseIfDue()
    {
        if (!_clock.ShouldRebase)
        {
            return;
        }

        var scale = _clock.Rebase();
        ScaleInPlace(_global, scale);
        foreach (var arms in _segments.Values)
        {
            ScaleInPlace(arms, scale);
        }
    }

    private static void ScaleInPlace(ArmStatistics[] arms, double scale)
    {
        for (var arm = 0; arm < arms.Length; arm++)
        {
            arms[arm] = arms[arm].Scale(scale);
        }
    }
}
