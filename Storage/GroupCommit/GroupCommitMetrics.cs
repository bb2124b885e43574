using System.Diagnostics.Metrics;

namespace Storage.GroupCommit;

/// <summary>
/// The provider's instruments on the meter "Storage", tagged with the provider name. The totals are
/// also kept as plain counters for tests and benchmarks that must tell grouped writes from single ones.
/// </summary>
internal sealed class GroupCommitMetrics
{
    public const string MeterName = "Storage";

    private readonly KeyValuePair<string, object?> _provider;
    private readonly Counter<long> _groups;
    private readonly Histogram<int> _rowsPerGroup;
    private readonly Counter<long> _conflicts;
    private readonly Histogram<double> _commitSeconds;
    private long _committedGroups;
    private long _committedRows;
    private long _commitTicks;

    public GroupCommitMetrics(IMeterFactory? meterFactory, string providerName)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _provider = new("provider", providerName);
        _groups = meter.CreateCounter<long>("storage.group_commit.groups", "{group}", "Groups of grain writes committed in one round trip.");
        _rowsPerGroup = meter.CreateHistogram<int>("storage.group_commit.rows_per_group", "{row}", "Grain writes and clears per committed group.");
        _conflicts = meter.CreateCounter<long>("storage.group_commit.conflicts", "{row}", "Writes rejected because their ETag was stale.");
        _commitSeconds = meter.CreateHistogram<double>("storage.group_commit.duration", "s", "Round-trip time of one group commit.");
    }

    public long CommittedGroups => Interlocked.Read(ref _committedGroups);

    public long CommittedRows => Interlocked.Read(ref _committedRows);

    public TimeSpan CommitTime => TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks));

    public void Committed(int rows, int conflicts, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _committedGroups);
        Interlocked.Add(ref _committedRows, rows);
        Interlocked.Add(ref _commitTicks, elapsed.Ticks);
        _groups.Add(1, _provider);
        _rowsPerGroup.Record(rows, _provider);
        _commitSeconds.Record(elapsed.TotalSeconds, _provider);
        if (conflicts > 0)
        {
            _conflicts.Add(conflicts, _provider);
        }
    }
}
