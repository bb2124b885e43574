namespace Pipeline.Bench;

/// <summary>
/// One measured silo run: wall time to the covering checkpoint and to the last applied event, what the
/// process did meanwhile, events applied per quarter second, each commit's duration (sorted) and the grain rows written,
/// how long the consumer waited for full partition queues, and the CPU (cores) and GC pauses (ms) of each quarter second.
/// </summary>
internal readonly record struct PipelineRun(
    TimeSpan Elapsed, TimeSpan Applied, PipelineCounters Used, IReadOnlyList<long> AppliedPerQuarterSecond, long GrainsWritten, IReadOnlyList<TimeSpan> CommitDurations, TimeSpan ConsumerBlocked,
    IReadOnlyList<double> CoresPerQuarterSecond, IReadOnlyList<double> GcPauseMsPerQuarterSecond);
