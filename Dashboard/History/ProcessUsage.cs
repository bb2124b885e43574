using System.Diagnostics;

namespace Dashboard.History;

/// <summary>This process's CPU share since the previous reading, its working set and its managed heap.</summary>
internal sealed class ProcessUsage(TimeProvider time)
{
    private TimeSpan _lastCpu = CurrentCpu();
    private long _lastTimestamp = time.GetTimestamp();

    /// <summary>Reads the figures; the CPU share is of all cores, over the time since the previous call.</summary>
    public (double CpuPercent, long WorkingSetBytes, long HeapBytes) Read()
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var now = time.GetTimestamp();
        var wall = time.GetElapsedTime(_lastTimestamp, now);
        var percent = wall > TimeSpan.Zero ? (cpu - _lastCpu) / wall / Environment.ProcessorCount * 100 : 0;
        (_lastCpu, _lastTimestamp) = (cpu, now);
        return (Math.Clamp(percent, 0, 100), process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static TimeSpan CurrentCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
