using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Pipeline.Bench;

/// <summary>
/// With <c>BENCH_ALLOC_LOG=1</c>: which types the silo allocates while it is measured, from the
/// runtime's allocation-tick events (one sample about every 100 KB allocated, charged to the type
/// whose allocation crossed it), so the bytes per event can be traced to code.
/// </summary>
internal sealed class AllocationLog : RuntimeEventLog
{
    private const long BytesPerTick = 100 * 1024;
    private readonly ConcurrentDictionary<string, int> _ticks = new();

    public static AllocationLog? StartIfRequested() =>
        Environment.GetEnvironmentVariable("BENCH_ALLOC_LOG") == "1" ? new AllocationLog() : null;

    protected override EventKeywords Keywords => (EventKeywords)0x1;

    /// <summary>Prints the types with the most samples, as estimated bytes per event.</summary>
    public void Print(int events)
    {
        var total = _ticks.Values.Sum();
        foreach (var (type, ticks) in _ticks.OrderByDescending(t => t.Value).Take(25))
        {
            Console.WriteLine($"  alloc: {(double)ticks * BytesPerTick / events,7:F1} B/event {100.0 * ticks / Math.Max(1, total),5:F1} %  {type}");
        }

        _ticks.Clear();
    }

    protected override void OnRecorded(string name, EventWrittenEventArgs eventData)
    {
        if (name.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            _ticks.AddOrUpdate(Field(eventData, "TypeName") is { Length: > 0 } type ? type : "?", 1, (_, count) => count + 1);
        }
    }
}
