namespace Pipeline.Bench;

/// <summary>One measured silo run: wall time to the covering checkpoint, process CPU, and JIT work in that window.</summary>
internal readonly record struct PipelineRun(TimeSpan Elapsed, TimeSpan Cpu, long JitMethods, TimeSpan JitTime);
