using System.Diagnostics;

namespace Pipeline.Bench;

/// <summary>Process-wide counters read at the start and end of a measured window: CPU, JIT, GC and allocation.</summary>
internal readonly record struct PipelineCounters(TimeSpan Cpu, long JitMethods, TimeSpan JitTime, int Collections, TimeSpan GcPause, long Allocated)
{
    public static PipelineCounters Read() => new(
        Process.GetCurrentProcess().TotalProcessorTime,
        System.Runtime.JitInfo.GetCompiledMethodCount(),
        System.Runtime.JitInfo.GetCompilationTime(),
        GC.CollectionCount(0),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes());

    public static PipelineCounters operator -(PipelineCounters end, PipelineCounters start) => new(
        end.Cpu - start.Cpu,
        end.JitMethods - start.JitMethods,
        end.JitTime - start.JitTime,
        end.Collections - start.Collections,
        end.GcPause - start.GcPause,
        end.Allocated - start.Allocated);
}
