namespace Pipeline.Bench;

/// <summary>One measured silo run: wall time to the covering checkpoint, process CPU, and JIT and GC work in that window.</summary>
internal readonly record struct PipelineRun(TimeSpan Elapsed, TimeSpan Cpu, long JitMethods, TimeSpan JitTime, int Collections, TimeSpan GcPause, long Allocated);
