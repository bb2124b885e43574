namespace Pipeline.Bench;

/// <summary>One measured silo run: wall time to the covering checkpoint and to the last applied event, what the process did meanwhile, and events applied per quarter second.</summary>
internal readonly record struct PipelineRun(TimeSpan Elapsed, TimeSpan Applied, PipelineCounters Used, IReadOnlyList<long> AppliedPerQuarterSecond);
