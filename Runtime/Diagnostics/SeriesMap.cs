using System.Collections.Concurrent;

namespace Runtime.Diagnostics;

/// <summary>
/// Finds or creates the series of one instrument for a tag set. Lookups of known tag sets take no
/// lock and allocate nothing; only the first sighting of a tag set pays for copying and formatting.
/// </summary>
internal sealed class SeriesMap<TSeries>
    where TSeries : MetricSeries
{
    /// <summary>
    /// Beyond this many tag sets an instrument is almost certainly tagged with unbounded values
    /// (ids, raw paths); folding the rest into one overflow series bounds memory and scrape size.
    /// </summary>
    public const int MaxSeries = 2000;

    private const string OverflowLabels = "otel_metric_overflow=\"true\"";

    private readonly Func<string, TSeries> _create;
    private readonly ConcurrentDictionary<TagSet, TSeries> _series = new(TagSetComparer.Instance);
    private readonly ConcurrentDictionary<TagSet, TSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _lookup;
    private TSeries? _untagged;
    private TSeries? _overflow;
    private int _count;

    public SeriesMap(Func<string, TSeries> create)
    {
        _create = create;
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public bool IsEmpty => Volatile.Read(ref _untagged) is null && _series.IsEmpty && Volatile.Read(ref _overflow) is null;

    public TSeries Get(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return Volatile.Read(ref _untagged) ?? GetOrCreate(ref _untagged, string.Empty);
        }

        return _lookup.TryGetValue(tags, out var series) ? series : Add(tags);
    }

    /// <summary>Forgets every series. Only safe while nothing records, i.e. for observable instruments during a scrape.</summary>
    public void Clear()
    {
        _series.Clear();
        Volatile.Write(ref _untagged, null);
        Volatile.Write(ref _overflow, null);
        Volatile.Write(ref _count, 0);
    }

    /// <summary>The current series ordered by their labels, so scrapes are stable and diffable.</summary>
    public List<TSeries> Snapshot()
    {
        var snapshot = new List<TSeries>(_series.Values);
        if (Volatile.Read(ref _untagged) is { } untagged)
        {
            snapshot.Add(untagged);
        }

        if (Volatile.Read(ref _overflow) is { } overflow)
        {
            snapshot.Add(overflow);
        }

        snapshot.Sort(static (x, y) => string.CompareOrdinal(x.Labels, y.Labels));
        return snapshot;
    }

    private TSeries Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Volatile.Read(ref _count) >= MaxSeries)
        {
            return Volatile.Read(ref _overflow) ?? GetOrCreate(ref _overflow, OverflowLabels);
        }

        var created = _create(PrometheusText.FormatLabels(tags));
        var stored = _series.GetOrAdd(new TagSet(tags), created);
        if (ReferenceEquals(stored, created))
        {
            Interlocked.Increment(ref _count);
        }

        return stored;
    }

    private TSeries GetOrCreate(ref TSeries? slot, string labels)
    {
        var created = _create(labels);
        return Interlocked.CompareExchange(ref slot, created, null) ?? created;
    }
}
