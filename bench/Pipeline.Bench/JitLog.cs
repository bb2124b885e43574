using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Pipeline.Bench;

/// <summary>
/// With <c>BENCH_JIT_LOG=1</c>: the methods the runtime compiles while a silo is measured, from the
/// runtime's own JIT events, to find code that a fresh silo compiles in spite of the warm-up.
/// </summary>
internal sealed class JitLog : RuntimeEventLog
{
    private readonly ConcurrentQueue<string> _methods = new();

    public static JitLog? StartIfRequested() =>
        Environment.GetEnvironmentVariable("BENCH_JIT_LOG") == "1" ? new JitLog() : null;

    protected override EventKeywords Keywords => (EventKeywords)0x10;

    /// <summary>Prints the methods compiled while recording.</summary>
    public void Print()
    {
        foreach (var method in _methods)
        {
            Console.WriteLine($"  jit: {method}");
        }

        _methods.Clear();
    }

    protected override void OnRecorded(string name, EventWrittenEventArgs eventData)
    {
        if (name == "MethodJittingStarted_V1")
        {
            _methods.Enqueue($"{Field(eventData, "MethodNamespace")}::{Field(eventData, "MethodName")}");
        }
    }
}
