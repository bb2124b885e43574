using Grains.Experiments;

namespace Dashboard.History;

/// <summary>
/// Per experiment, the traffic split over time: at each sample where new exposures arrived, each
/// variant's share of them (the first sample of an experiment counts from zero). Intervals without exposures add no point, so a quiet experiment
/// costs nothing; a redefinition that resets the counts starts over from the new baseline.
/// </summary>
internal sealed class TrafficHistory(int capacity)
{
    private readonly Dictionary<string, long[]> _baselines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SampleRing<TrafficPoint>> _points = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Observe(IEnumerable<ExperimentSnapshot> experiments, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        lock (_lock)
        {
            foreach (var experiment in experiments)
            {
                var id = experiment.Definition.Id;
                var exposures = (long[])experiment.Exposures.Clone();
                // An experiment seen for the first time counts from zero: its first point is the split so far,
                // so one whose exposures all arrived before the first sample still shows its traffic.
                var baseline = _baselines.TryGetValue(id, out var known) && known.Length == exposures.Length ? known : new long[exposures.Length];
                if (Delta(baseline, exposures) is { } share)
                {
                    if (!_points.TryGetValue(id, out var ring))
                    {
                        _points[id] = ring = new SampleRing<TrafficPoint>(capacity);
                    }

                    ring.Add(new TrafficPoint(at, exposures, share));
                }

                _baselines[id] = exposures;
            }
        }
    }

    /// <summary>The experiment's points at or after <paramref name="from"/>, oldest first.</summary>
    public IReadOnlyList<TrafficPoint> Of(string experimentId, DateTimeOffset from)
    {
        lock (_lock)
        {
            return _points.TryGetValue(experimentId, out var ring) ? ring.Where(point => point.At >= from) : [];
        }
    }

    /// <summary>The shares of the new exposures; null when none arrived or a count went down (the statistics were reset).</summary>
    private static double[]? Delta(long[] before, long[] after)
    {
        long total = 0;
        for (var i = 0; i < after.Length; i++)
        {
            var delta = after[i] - before[i];
            if (delta < 0)
            {
                return null;
            }

            total += delta;
        }

        if (total == 0)
        {
            return null;
        }

        var share = new double[after.Length];
        for (var i = 0; i < after.Length; i++)
        {
            share[i] = (double)(after[i] - before[i]) / total;
        }

        return share;
    }
}
